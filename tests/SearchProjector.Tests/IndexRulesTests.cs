using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

public sealed class IndexRulesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly LuceneSearchIndex _index;

    public IndexRulesTests() => _index = new LuceneSearchIndex(_time);

    public void Dispose() => _index.Dispose();

    private static SearchDocument Document(string id, long version, string name, DateTimeOffset startsAt, string availability = Availability.Available) =>
        new(id, version, name, "An evening of songs.", "concert", startsAt, ["Aurora Vale"], "v1", "Lyric Hall", "Vienna",
            42.5m, "EUR", availability, ["p1"]);

    [Fact]
    public async Task Stale_document_never_overwrites_a_newer_one()
    {
        Assert.True(_index.Apply(Document("e1", 2, "Second Name", Now.AddDays(5))));

        Assert.False(_index.Apply(Document("e1", 1, "First Name", Now.AddDays(5))));
        Assert.False(_index.Apply(Document("e1", 2, "Same Version Other Name", Now.AddDays(5))));

        var found = Assert.Single((await _index.SearchAsync(new SearchQuery())).Items);
        Assert.Equal("Second Name", found.Name);
        Assert.Equal(0, (await _index.SearchAsync(new SearchQuery { Text = "first" })).Total);
    }

    [Fact]
    public async Task Newer_document_replaces_the_old_one_everywhere()
    {
        _index.Apply(Document("e1", 1, "Premiere Gala", Now.AddDays(5)));
        _index.Apply(Document("e1", 2, "Farewell Gala", Now.AddDays(6), Availability.SoldOut));

        var results = await _index.SearchAsync(new SearchQuery { Text = "gala" });

        var found = Assert.Single(results.Items);
        Assert.Equal(("Farewell Gala", Availability.SoldOut, 2L), (found.Name, found.Availability, found.Version));
        Assert.Equal(0, (await _index.SearchAsync(new SearchQuery { Text = "premiere" })).Total);
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public async Task Past_events_are_hidden_unless_from_is_given()
    {
        _index.Apply(Document("past", 1, "Yesterday Show", Now.AddDays(-1)));
        _index.Apply(Document("future", 1, "Tomorrow Show", Now.AddDays(1)));

        Assert.Equal(["future"], (await _index.SearchAsync(new SearchQuery { Text = "show" })).Items.Select(d => d.EventId));
        Assert.Equal(["past", "future"], (await _index.SearchAsync(new SearchQuery { Text = "show", From = Now.AddDays(-2), Sort = SearchSort.Date })).Items.Select(d => d.EventId));
    }

    [Fact]
    public async Task An_event_drops_out_of_search_once_it_has_started()
    {
        _index.Apply(Document("e1", 1, "Soon Show", Now.AddHours(1)));
        Assert.Equal(1, (await _index.SearchAsync(new SearchQuery())).Total);

        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, (await _index.SearchAsync(new SearchQuery())).Total);
    }

    [Fact]
    public async Task A_document_comes_back_from_the_index_as_it_went_in()
    {
        var document = new SearchDocument("e1", 7, "Jazz at Night", "Late sets, two bands.", "concert", new DateTimeOffset(2027, 5, 1, 19, 30, 0, TimeSpan.Zero),
            ["Luna Okafor", "Marcus Delgado Trio"], "v9", "Blue Room", "Lisbon", 19.99m, "EUR", Availability.Few, ["p7", "p8"]);
        _index.Apply(document);

        var found = Assert.Single((await _index.SearchAsync(new SearchQuery())).Items);

        Assert.Equal(document with { Performers = [], PerformerIds = [] }, found with { Performers = [], PerformerIds = [] });
        Assert.Equal(document.Performers, found.Performers);
        Assert.Equal(document.PerformerIds, found.PerformerIds);
    }

    [Fact]
    public void Checkpoints_only_move_forward()
    {
        _index.AdvanceCheckpoint(3, 10);
        _index.AdvanceCheckpoint(3, 4);

        Assert.Equal(10, _index.GetCheckpoint(3));
        Assert.Equal(0, _index.GetCheckpoint(2));
    }

    [Fact]
    public void A_host_that_hands_out_the_index_under_two_services_disposes_it_once()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ => new LuceneSearchIndex(_time));
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<LuceneSearchIndex>(), provider.GetRequiredService<ISearchIndex>());
        provider.GetRequiredService<LuceneSearchIndex>().Apply(Document("e1", 1, "Kept Show", Now.AddDays(3)));

        // The container disposes both registrations; the temporary folder goes once, without an error.
        provider.Dispose();
    }

    [Fact]
    public async Task An_index_on_disk_resumes_with_its_documents_versions_and_checkpoints()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = new LuceneSearchIndex(_time, folder))
            {
                first.Apply(Document("e1", 3, "Kept Show", Now.AddDays(3)));
                first.AdvanceCheckpoint(5, 17);
                first.Commit();
            }

            using var reopened = new LuceneSearchIndex(_time, folder);

            Assert.Equal(1, reopened.Count);
            Assert.Equal(17, reopened.GetCheckpoint(5));
            Assert.False(reopened.Apply(Document("e1", 2, "Stale Show", Now.AddDays(3))));
            Assert.Equal("Kept Show", Assert.Single((await reopened.SearchAsync(new SearchQuery())).Items).Name);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_availability_change_survives_a_restart_and_older_versions_stay_ignored()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = new LuceneSearchIndex(_time, folder))
            {
                first.Apply(Document("flushed", 1, "Kept Show", Now.AddDays(3)));
                first.Commit();
                first.Apply(Document("flushed", 2, "Kept Show", Now.AddDays(3), Availability.SoldOut));
                // Still in the writer's buffer when its availability changes.
                first.Apply(Document("buffered", 1, "Other Show", Now.AddDays(4)));
                first.Apply(Document("buffered", 4, "Other Show", Now.AddDays(4), Availability.Few));
                first.Commit();
            }

            using var reopened = new LuceneSearchIndex(_time, folder);

            Assert.Equal(
                [("flushed", Availability.SoldOut, 2L), ("buffered", Availability.Few, 4L)],
                (await reopened.SearchAsync(new SearchQuery())).Items.Select(d => (d.EventId, d.Availability, d.Version)));
            Assert.False(reopened.Apply(Document("flushed", 2, "Kept Show", Now.AddDays(3), Availability.Few)));
            Assert.False(reopened.Apply(Document("buffered", 3, "Other Show", Now.AddDays(4))));
            // The fingerprints came back too: another flip is still availability alone, no new generation.
            var generation = reopened.RefreshIfDue();
            Assert.True(reopened.Apply(Document("flushed", 3, "Kept Show", Now.AddDays(3), Availability.Few)));
            Assert.Equal(generation, reopened.RefreshIfDue());
            Assert.Equal(Availability.Few, (await reopened.SearchAsync(new SearchQuery())).Items[0].Availability);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_index_written_before_the_availability_column_is_started_again_empty_and_rebuilt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The layout before: the same document without the fingerprint and availability doc values.
            using (var directory = FSDirectory.Open(folder))
            using (var analyzer = SearchAnalyzer.Create())
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer)))
            {
                var old = SearchFields.ToLucene(Document("e1", 1, "Old Show", Now.AddDays(3)));
                old.RemoveFields(SearchFields.ContentKey);
                old.RemoveFields(SearchFields.Availability);
                old.Add(new StoredField(SearchFields.Availability, Availability.Available));
                writer.AddDocument(old);
                writer.SetCommitData(new Dictionary<string, string> { ["checkpoint.0"] = "9" });
                writer.Commit();
            }

            using var reopened = new LuceneSearchIndex(_time, folder);

            Assert.Equal((0, 0L), (reopened.Count, reopened.GetCheckpoint(0)));
            Assert.True(reopened.Apply(Document("e1", 1, "Old Show", Now.AddDays(3))));
            Assert.True(reopened.Apply(Document("e1", 2, "Old Show", Now.AddDays(3), Availability.Few)));
            Assert.Equal(Availability.Few, Assert.Single(reopened.Search(new SearchQuery()).Items).Availability);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
