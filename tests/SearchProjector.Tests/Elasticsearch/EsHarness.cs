using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;
using TicketMaster.SearchProjector.Elasticsearch;

namespace TicketMaster.SearchProjector.Tests.Elasticsearch;

/// <summary>An <see cref="ElasticsearchSearchIndex"/> on a <see cref="RecordingInvoker"/>, and answers in Elasticsearch's documented shapes.</summary>
public static class EsHarness
{
    public const string Prefix = "tm";
    public const string EventsIndex = "tm-events-v1";
    public const string Checkpoints = "tm-checkpoints";

    public static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static (ElasticsearchSearchIndex Index, RecordingInvoker Wire) Index(Func<RecordedRequest, Canned> respond, int maxAttempts = 6)
    {
        var wire = new RecordingInvoker(respond);
        var client = new ElasticsearchClient(ElasticsearchConnection.Parse("http://es.test:9200").Settings(wire));
        var options = new ElasticsearchIndexOptions { IndexPrefix = Prefix, BaseDelay = TimeSpan.Zero, MaxAttempts = maxAttempts };
        return (new ElasticsearchSearchIndex(client, options, new FakeTimeProvider(Now)), wire);
    }

    public static SearchDocument Document(string id, long version, string name = "Aurora Vale Live", string city = "Vienna") =>
        new(id, version, name, "An evening of songs.", "concert", Now.AddDays(5), ["Aurora Vale"], "ven_1", "Lyric Hall", city,
            42.5m, "EUR", Availability.Available, ["perf_1"]);

    /// <summary>A bulk answer: one item per status, in request order (ids e1, e2, ...).</summary>
    public static Canned Bulk(params int[] statuses)
    {
        var items = new JsonArray();
        for (var i = 0; i < statuses.Length; i++)
        {
            var item = new JsonObject { ["_index"] = EventsIndex, ["_id"] = $"e{i + 1}", ["status"] = statuses[i] };
            if (statuses[i] is 200 or 201)
            {
                item["_version"] = 3;
                item["result"] = statuses[i] == 201 ? "created" : "updated";
                item["_seq_no"] = i;
                item["_primary_term"] = 1;
                item["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 };
            }
            else
            {
                item["error"] = statuses[i] switch
                {
                    409 => Error("version_conflict_engine_exception", $"[e{i + 1}]: version conflict, current version [5] is higher or equal to the one provided [3]"),
                    429 => Error("es_rejected_execution_exception", "rejected execution of coordinating operation"),
                    _ => Error("document_parsing_exception", "[1:42] failed to parse field [starts_at] of type [date]"),
                };
            }
            items.Add(new JsonObject { ["index"] = item });
        }
        var body = new JsonObject { ["took"] = 7, ["errors"] = statuses.Any(s => s is not (200 or 201)), ["items"] = items };
        return Canned.Ok(body.ToJsonString());
    }

    /// <summary>A whole request refused (429 or 5xx), as Elasticsearch answers it.</summary>
    public static Canned Refused(int status) => new(status, new JsonObject
    {
        ["error"] = Error(status == 429 ? "es_rejected_execution_exception" : "unavailable_shards_exception", "try again later"),
        ["status"] = status,
    }.ToJsonString());

    public static Canned Health(string status) => Canned.Ok($$"""
        {"cluster_name":"tm","status":"{{status}}","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,
         "active_primary_shards":1,"active_shards":1,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":1,
         "delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,
         "task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":50.0}
        """);

    public static Canned Hits(long total, JsonArray hits, JsonObject? aggregations = null) => Canned.Ok(new JsonObject
    {
        ["took"] = 4,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = total, ["relation"] = "eq" },
            ["max_score"] = null,
            ["hits"] = hits,
        },
        ["aggregations"] = aggregations ?? new JsonObject(),
    }.ToJsonString());

    public static Canned NoHits() => Hits(0, [], new JsonObject
    {
        ["sterms#category"] = new JsonObject { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = new JsonArray() },
        ["sterms#city"] = new JsonObject { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = new JsonArray() },
    });

    public static JsonNode Json(string text) => JsonNode.Parse(text)!;

    private static JsonObject Error(string type, string reason) => new()
    {
        ["type"] = type,
        ["reason"] = reason,
        ["index"] = EventsIndex,
    };
}
