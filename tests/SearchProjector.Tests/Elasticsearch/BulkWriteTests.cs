using System.Text.Json.Nodes;
using TicketMaster.SearchProjector.Elasticsearch;
using static TicketMaster.SearchProjector.Tests.Elasticsearch.EsHarness;

namespace TicketMaster.SearchProjector.Tests.Elasticsearch;

public sealed class BulkWriteTests
{
    [Fact]
    public async Task Each_document_is_a_bulk_index_line_with_its_version_as_external_version()
    {
        var (index, wire) = Index(_ => Bulk(201, 201));

        var stored = await index.ApplyAsync([Document("e1", 3), Document("e2", 7, city: "Berlin")]);

        Assert.Equal(2, stored);
        var request = Assert.Single(wire.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/{EventsIndex}/_bulk", request.Path);
        Assert.Equal(4, request.Lines.Count);
        Assert.True(JsonNode.DeepEquals(Json("""{"index":{"_id":"e1","version":3,"version_type":"external"}}"""), Json(request.Lines[0])), request.Lines[0]);
        Assert.True(JsonNode.DeepEquals(Json("""
            {"event_id":"e1","version":3,"name":"Aurora Vale Live","description":"An evening of songs.","category":"concert",
             "starts_at":"2027-03-06T12:00:00+00:00","performers":["Aurora Vale"],"performer_ids":["perf_1"],"venue_id":"ven_1",
             "venue":"Lyric Hall","city":"Vienna","min_price":42.5,"currency":"EUR","availability":"available",
             "city_key":"vienna","category_key":"concert","venue_key":["lyric hall","ven_1"],"performer_key":["aurora vale","perf_1"]}
            """), Json(request.Lines[1])), request.Lines[1]);
        Assert.True(JsonNode.DeepEquals(Json("""{"index":{"_id":"e2","version":7,"version_type":"external"}}"""), Json(request.Lines[2])), request.Lines[2]);
        Assert.Equal("berlin", Json(request.Lines[3])["city_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Items_answered_409_are_counted_as_version_conflicts_not_failed()
    {
        var (index, wire) = Index(_ => Bulk(201, 409, 200));

        var stored = await index.ApplyAsync([Document("e1", 3), Document("e2", 3), Document("e3", 3)]);

        Assert.Equal(2, stored);
        Assert.Equal(1, index.VersionConflicts);
        Assert.Single(wire.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_bulk_answered_429_or_5xx_is_sent_again_whole(int status)
    {
        var answers = new Queue<Canned>([Refused(status), Refused(status), Bulk(201, 201)]);
        var (index, wire) = Index(_ => answers.Dequeue());

        var stored = await index.ApplyAsync([Document("e1", 3), Document("e2", 4)]);

        Assert.Equal(2, stored);
        Assert.Equal(3, wire.Requests.Count);
        Assert.All(wire.Requests, r => Assert.Equal(wire.Requests[0].Body, r.Body));
    }

    [Fact]
    public async Task Only_the_items_answered_429_are_sent_again()
    {
        var answers = new Queue<Canned>([Bulk(201, 429, 503), Bulk(201, 201)]);
        var (index, wire) = Index(_ => answers.Dequeue());

        var stored = await index.ApplyAsync([Document("e1", 3), Document("e2", 4), Document("e3", 5)]);

        Assert.Equal(3, stored);
        var again = wire.Requests[1].Lines;
        Assert.Equal(4, again.Count);
        Assert.Equal("e2", Json(again[0])["index"]!["_id"]!.GetValue<string>());
        Assert.Equal("e3", Json(again[2])["index"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bulk_still_refused_after_the_last_try_fails_so_the_checkpoint_stays()
    {
        var (index, wire) = Index(_ => Refused(503), maxAttempts: 3);

        await Assert.ThrowsAsync<SearchIndexException>(async () => await index.ApplyAsync([Document("e1", 3)]));

        Assert.Equal(3, wire.Requests.Count);
    }

    [Fact]
    public async Task An_item_refused_for_another_reason_fails_the_write()
    {
        var (index, _) = Index(_ => Bulk(201, 400));

        var error = await Assert.ThrowsAsync<SearchIndexException>(async () => await index.ApplyAsync([Document("e1", 3), Document("e2", 3)]));

        Assert.Contains("document_parsing_exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wait_between_tries_doubles_up_to_the_maximum()
    {
        var options = new ElasticsearchIndexOptions { BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal([200, 400, 800, 1000, 1000], Enumerable.Range(1, 5).Select(a => options.DelayAfter(a).TotalMilliseconds));
    }

    [Fact]
    public async Task Commit_stores_moved_checkpoints_with_the_sequence_as_external_version()
    {
        var (index, wire) = Index(_ => Bulk(201, 201));
        index.AdvanceCheckpoint(2, 40);
        index.AdvanceCheckpoint(5, 9);
        index.AdvanceCheckpoint(5, 3);

        await index.CommitAsync();
        await index.CommitAsync();

        var request = Assert.Single(wire.Requests);
        Assert.Equal($"/{Checkpoints}/_bulk", request.Path);
        Assert.Equal(
            [
                """{"index":{"_id":"tm-events-v1-2","version":40,"version_type":"external"}}""",
                """{"index":"tm-events-v1","shard":2,"sequence":40}""",
                """{"index":{"_id":"tm-events-v1-5","version":9,"version_type":"external"}}""",
                """{"index":"tm-events-v1","shard":5,"sequence":9}""",
            ],
            request.Lines.Select(l => Json(l).ToJsonString()));
    }

    [Fact]
    public async Task A_checkpoint_another_frontend_stored_further_is_a_conflict_not_a_failure()
    {
        var (index, _) = Index(_ => Bulk(409));
        index.AdvanceCheckpoint(1, 12);

        await index.CommitAsync();

        Assert.Equal(1, index.VersionConflicts);
    }
}
