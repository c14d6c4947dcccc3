using System.Text.Json.Nodes;
using static TicketMaster.SearchProjector.Tests.Elasticsearch.EsHarness;

namespace TicketMaster.SearchProjector.Tests.Elasticsearch;

public sealed class QueryTests
{
    private static async Task<JsonNode> Sent(SearchQuery query, Canned? answer = null)
    {
        var (index, wire) = Index(_ => answer ?? NoHits());
        await index.SearchAsync(query);
        var request = Assert.Single(wire.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/tm-events-v1/_search?typed_keys=true", request.Path);
        return Json(request.Body);
    }

    private static void Same(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(Json(expected), actual), $"expected {Json(expected).ToJsonString()}\nactual   {actual?.ToJsonString()}");

    private const string Aggregations = """
        {"category":{"terms":{"field":"category","order":[{"_count":"desc"},{"_key":"asc"}],"size":1000}},
         "city":{"terms":{"field":"city","order":[{"_count":"desc"},{"_key":"asc"}],"size":1000}}}
        """;

    private const string ByRelevance = """[{"_score":{"order":"desc"}},{"starts_at":{"order":"asc"}},{"event_id":{"order":"asc"}}]""";
    private const string ByDate = """[{"starts_at":{"order":"asc"}},{"event_id":{"order":"asc"}}]""";

    private static string Word(string w) => """
        {"bool":{"minimum_should_match":1,"should":[
          {"term":{"text":{"boost":4.0,"value":"@w"}}},
          {"term":{"title":{"boost":6.0,"value":"@w"}}},
          {"match":{"text.prefix":{"boost":2.0,"query":"@w"}}},
          {"fuzzy":{"text":{"fuzziness":"AUTO","value":"@w"}}},
          {"fuzzy":{"title":{"boost":1.5,"fuzziness":"AUTO","value":"@w"}}}]}}
        """.Replace("@w", w, StringComparison.Ordinal);

    [Fact]
    public async Task Text_filters_dates_relevance_and_paging_become_this_query()
    {
        var body = await Sent(new SearchQuery
        {
            Text = "Tayl Swft",
            City = " Berlin ",
            From = new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero),
            Page = 2,
            PageSize = 10,
        });

        Same("""
            {"aggregations":@aggs,
             "from":10,
             "query":{"bool":{
               "filter":[{"range":{"starts_at":{"gte":"2027-04-01T00:00:00Z"}}},{"term":{"city_key":{"value":"berlin"}}}],
               "must":[@tayl,@swft]}},
             "size":10,
             "sort":@sort,
             "track_total_hits":true}
            """.Replace("@aggs", Aggregations, StringComparison.Ordinal).Replace("@tayl", Word("tayl"), StringComparison.Ordinal).Replace("@swft", Word("swft"), StringComparison.Ordinal).Replace("@sort", ByRelevance, StringComparison.Ordinal), body);
    }

    public static TheoryData<string?, bool, bool, bool, bool, bool, bool, SearchSort?, int> EveryCombination()
    {
        var data = new TheoryData<string?, bool, bool, bool, bool, bool, bool, SearchSort?, int>();
        foreach (var text in new[] { null, "tayl swft" })
            foreach (var filters in Enumerable.Range(0, 64))
                foreach (var sort in new SearchSort?[] { null, SearchSort.Relevance, SearchSort.Date })
                    foreach (var page in new[] { 1, 3 })
                    {
                        data.Add(text, (filters & 1) != 0, (filters & 2) != 0, (filters & 4) != 0, (filters & 8) != 0, (filters & 16) != 0, (filters & 32) != 0, sort, page);
                    }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public async Task Every_combination_of_parameters_is_filter_clauses_words_sort_and_page(
        string? text, bool city, bool category, bool performer, bool venue, bool from, bool to, SearchSort? sort, int page)
    {
        var body = await Sent(new SearchQuery
        {
            Text = text,
            City = city ? "Vienna" : null,
            Category = category ? "Concert" : null,
            Performer = performer ? "perf_1" : null,
            Venue = venue ? "Lyric Hall" : null,
            From = from ? new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) : null,
            To = to ? new DateTimeOffset(2027, 5, 1, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999) : null,
            Sort = sort,
            Page = page,
        });

        // Past events are hidden unless a start date is asked; 'to' is inclusive to the millisecond a date field holds.
        var range = new JsonObject { ["gte"] = from ? "2027-01-01T00:00:00Z" : "2027-03-01T12:00:00Z" };
        if (to) range["lte"] = "2027-05-01T23:59:59.999Z";
        var filters = new JsonArray(new JsonObject { ["range"] = new JsonObject { ["starts_at"] = range } });
        if (city) filters.Add(Json("""{"term":{"city_key":{"value":"vienna"}}}"""));
        if (category) filters.Add(Json("""{"term":{"category_key":{"value":"concert"}}}"""));
        if (performer) filters.Add(Json("""{"term":{"performer_key":{"value":"perf_1"}}}"""));
        if (venue) filters.Add(Json("""{"term":{"venue_key":{"value":"lyric hall"}}}"""));
        // The client writes a lone clause as the clause itself, not a list of one: Elasticsearch reads both alike.
        Same(filters.Count == 1 ? filters[0]!.ToJsonString() : filters.ToJsonString(), body["query"]!["bool"]!["filter"]);

        if (text is null) Assert.Null(body["query"]!["bool"]!["must"]);
        else Same($"[{Word("tayl")},{Word("swft")}]", body["query"]!["bool"]!["must"]);

        Same(text is not null && sort != SearchSort.Date ? ByRelevance : ByDate, body["sort"]);
        Assert.Equal((page - 1) * SearchQuery.DefaultPageSize, body["from"]!.GetValue<int>());
        Assert.Equal(SearchQuery.DefaultPageSize, body["size"]!.GetValue<int>());
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
        Same(Aggregations, body["aggregations"]);
        Assert.Equal(["aggregations", "from", "query", "size", "sort", "track_total_hits"], body.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Words_of_one_or_two_letters_are_not_fuzzy_and_one_letter_is_no_prefix()
    {
        var body = await Sent(new SearchQuery { Text = "a dj" });

        Same("""
            [{"bool":{"minimum_should_match":1,"should":[{"term":{"text":{"boost":4.0,"value":"a"}}},{"term":{"title":{"boost":6.0,"value":"a"}}}]}},
             {"bool":{"minimum_should_match":1,"should":[{"term":{"text":{"boost":4.0,"value":"dj"}}},{"term":{"title":{"boost":6.0,"value":"dj"}}},
                                                       {"match":{"text.prefix":{"boost":2.0,"query":"dj"}}}]}}]
            """, body["query"]!["bool"]!["must"]);
    }

    [Fact]
    public async Task A_word_longer_than_the_longest_edge_ngram_is_a_prefix_query()
    {
        var body = await Sent(new SearchQuery { Text = "Supercalifragilisticexpialidocious" });

        Same("""{"prefix":{"text":{"boost":2.0,"value":"supercalifragilisticexpialidocious"}}}""", body["query"]!["bool"]!["must"]!["bool"]!["should"]![2]);
    }

    [Fact]
    public async Task Accented_and_repeated_words_are_folded_and_asked_once()
    {
        var body = await Sent(new SearchQuery { Text = "Beyoncé beyonce" });

        Same(Word("beyonce"), body["query"]!["bool"]!["must"]);
    }

    [Fact]
    public async Task Text_without_a_word_is_no_text_query_and_sorts_by_date()
    {
        var body = await Sent(new SearchQuery { Text = "!!! ...", Sort = SearchSort.Relevance });

        Assert.Null(body["query"]!["bool"]!["must"]);
        Same(ByDate, body["sort"]);
    }

    [Fact]
    public async Task A_page_past_the_result_window_asks_for_the_total_and_facets_only()
    {
        var body = await Sent(new SearchQuery { Page = 1_000_000, PageSize = 100 }, Hits(12_345, []));

        Assert.Equal(0, body["from"]!.GetValue<int>());
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_answer_maps_to_items_facets_and_total()
    {
        var hits = new JsonArray(
            Json("""
                {"_index":"tm-events-v1","_id":"e1","_score":null,
                 "_source":{"event_id":"e1","version":4,"name":"Aurora Vale Live","description":"An evening of songs.","category":"concert",
                   "starts_at":"2027-03-06T12:00:00+00:00","performers":["Aurora Vale","The Echoes"],"performer_ids":["perf_1","perf_2"],
                   "venue_id":"ven_1","venue":"Lyric Hall","city":"Vienna","min_price":42.5,"currency":"EUR","availability":"limited",
                   "city_key":"vienna","category_key":"concert","venue_key":["lyric hall","ven_1"],"performer_key":["aurora vale","perf_1"]},
                 "sort":[1804334400000,"e1"]}
                """),
            Json("""
                {"_index":"tm-events-v1","_id":"e2","_score":null,
                 "_source":{"event_id":"e2","version":1,"name":"Quiet Night","description":"","category":"comedy",
                   "starts_at":"2027-03-07T20:30:00Z","performers":[],"performer_ids":[],
                   "venue_id":"ven_2","venue":"Cellar","city":"Graz","min_price":10,"currency":"EUR","availability":"soldOut",
                   "city_key":"graz","category_key":"comedy","venue_key":["cellar","ven_2"],"performer_key":[]},
                 "sort":[1804451400000,"e2"]}
                """));
        var aggregations = Json("""
            {"sterms#category":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"concert","doc_count":3},{"key":"comedy","doc_count":3},{"key":"theatre","doc_count":36}]},
             "sterms#city":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Vienna","doc_count":40},{"key":"Graz","doc_count":2}]}}
            """).AsObject();
        var (index, _) = Index(_ => Hits(42, hits, aggregations));

        var results = await index.SearchAsync(new SearchQuery { Page = 2, PageSize = 2 });

        Assert.Equal(42, results.Total);
        Assert.Equal(2, results.Page);
        Assert.Equal(2, results.PageSize);
        Assert.Equal(["e1", "e2"], results.Items.Select(d => d.EventId));
        var first = results.Items[0];
        Assert.Equal((4L, "Aurora Vale Live", "An evening of songs.", "concert"), (first.Version, first.Name, first.Description, first.Category));
        Assert.Equal(new DateTimeOffset(2027, 3, 6, 12, 0, 0, TimeSpan.Zero), first.StartsAt);
        Assert.Equal(["Aurora Vale", "The Echoes"], first.Performers);
        Assert.Equal(["perf_1", "perf_2"], first.PerformerIds);
        Assert.Equal(("ven_1", "Lyric Hall", "Vienna", 42.5m, "EUR", "limited"), (first.VenueId, first.Venue, first.City, first.MinPrice, first.Currency, first.Availability));
        Assert.Equal(new DateTimeOffset(2027, 3, 7, 20, 30, 0, TimeSpan.Zero), results.Items[1].StartsAt);
        // Most frequent first, ties by value: the same order as the Lucene facets.
        Assert.Equal([("theatre", 36), ("comedy", 3), ("concert", 3)], results.Facets.Category.Select(kv => (kv.Key, kv.Value)));
        Assert.Equal([("Vienna", 40), ("Graz", 2)], results.Facets.City.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public async Task A_search_Elasticsearch_refuses_is_an_error_not_an_empty_answer()
    {
        var (index, _) = Index(_ => Refused(503));

        await Assert.ThrowsAsync<TicketMaster.SearchProjector.Elasticsearch.SearchIndexException>(async () => await index.SearchAsync(new SearchQuery()));
    }
}
