using System.Text.Json.Nodes;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>
/// The events mapping as a composable index template, and the names derived from the prefix. The
/// mapping is versioned: a change bumps <see cref="Version"/>, which names a new index
/// (<c>{prefix}-events-v{n}</c>) whose checkpoints start at zero, so the projector rebuilds it from the
/// catalog shards while the old index stays untouched. Putting the template is skipped when the cluster
/// already holds this version or a newer one, so every frontend may run it at every start.
/// </summary>
public sealed class EventIndexTemplate(string prefix)
{
    public const int Version = 1;

    /// <summary>Edge n-grams up to this length; a longer typed word is matched as a prefix query instead.</summary>
    public const int MaxPrefixGram = 20;

    public string TemplateName => $"{prefix}-events";

    public string IndexName => $"{prefix}-events-v{Version}";

    public string CheckpointIndexName => $"{prefix}-checkpoints";

    /// <summary>The body of <c>PUT _index_template/{name}</c>.</summary>
    public JsonObject Template() => new()
    {
        ["index_patterns"] = new JsonArray($"{prefix}-events-v*"),
        ["priority"] = 100,
        ["version"] = Version,
        ["_meta"] = new JsonObject { ["description"] = "TicketMaster search read index: one document per event." },
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                // Facet counts are exact on one shard; the catalog fits one easily.
                ["number_of_shards"] = 1,
                ["analysis"] = new JsonObject
                {
                    ["filter"] = new JsonObject
                    {
                        ["tm_edge"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 2, ["max_gram"] = MaxPrefixGram },
                    },
                    ["analyzer"] = new JsonObject
                    {
                        // As SearchAnalyzer for Lucene: standard tokens, lower-cased, folded to ASCII, no stop words.
                        ["tm_text"] = Analyzer("lowercase", "asciifolding"),
                        ["tm_prefix"] = Analyzer("lowercase", "asciifolding", "tm_edge"),
                    },
                },
            },
            ["mappings"] = new JsonObject
            {
                ["dynamic"] = "strict",
                ["properties"] = new JsonObject
                {
                    ["event_id"] = Keyword(),
                    ["version"] = Type("long"),
                    ["name"] = Text("text", "title"),
                    ["description"] = Text("text"),
                    ["category"] = Keyword("text"),
                    ["category_key"] = Keyword(),
                    ["starts_at"] = Type("date"),
                    ["performers"] = Keyword("text", "title"),
                    ["performer_ids"] = Keyword(),
                    ["performer_key"] = Keyword(),
                    ["venue_id"] = Keyword(),
                    ["venue"] = Keyword("text"),
                    ["venue_key"] = Keyword(),
                    ["city"] = Keyword("text"),
                    ["city_key"] = Keyword(),
                    ["min_price"] = new JsonObject { ["type"] = "scaled_float", ["scaling_factor"] = 100 },
                    ["currency"] = Keyword(),
                    ["availability"] = Keyword(),
                    // What a person might type (name, performers, venue, city, category, description), as Lucene's "text".
                    ["text"] = new JsonObject
                    {
                        ["type"] = "text",
                        ["analyzer"] = "tm_text",
                        ["fields"] = new JsonObject
                        {
                            ["prefix"] = new JsonObject { ["type"] = "text", ["analyzer"] = "tm_prefix", ["search_analyzer"] = "tm_text" },
                        },
                    },
                    // Name and performers: a match here ranks above one elsewhere, as Lucene's "title".
                    ["title"] = new JsonObject { ["type"] = "text", ["analyzer"] = "tm_text" },
                },
            },
        },
    };

    /// <summary>The body of <c>PUT {checkpoint index}</c>: one small document per index and catalog shard.</summary>
    public static JsonObject CheckpointIndex() => new()
    {
        ["settings"] = new JsonObject { ["number_of_shards"] = 1 },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["index"] = Keyword(),
                ["shard"] = Type("integer"),
                ["sequence"] = Type("long"),
            },
        },
    };

    private static JsonObject Analyzer(params string[] filters) => new()
    {
        ["type"] = "custom",
        ["tokenizer"] = "standard",
        ["filter"] = new JsonArray([.. filters.Select(f => (JsonNode)f)]),
    };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Keyword(params string[] copyTo) => WithCopy(Type("keyword"), copyTo);

    private static JsonObject Text(params string[] copyTo) => WithCopy(new JsonObject { ["type"] = "text", ["analyzer"] = "tm_text" }, copyTo);

    private static JsonObject WithCopy(JsonObject field, string[] copyTo)
    {
        if (copyTo.Length > 0) field["copy_to"] = new JsonArray([.. copyTo.Select(c => (JsonNode)c)]);
        return field;
    }
}
