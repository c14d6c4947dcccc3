using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>
/// <c>GET /api/v1/search</c> in Elasticsearch's query DSL, answering as the Lucene index does: every typed
/// word must match, each as the exact word, a prefix of one (edge n-grams) or a word <c>fuzziness: AUTO</c>
/// edits away, by the same rules as the Lucene engine (<see cref="TextQuery"/>, <see cref="WordExpansions"/>),
/// ranked by Elasticsearch's own score; keywords and the date window are <c>filter</c> clauses (no scoring); facets are terms aggregations over all matches; the total is exact.
/// </summary>
public static class EventQuery
{
    /// <summary>Elasticsearch's default <c>index.max_result_window</c>: from + size past it is refused.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Distinct facet values returned; far above the catalog's categories and cities.</summary>
    public const int FacetSize = 1_000;

    public const string CategoryFacet = "category";
    public const string CityFacet = "city";

    private static readonly Lucene.Net.Analysis.Analyzer Terms = SearchAnalyzer.Create();

    public static SearchRequest Build(string index, SearchQuery query, DateTimeOffset now)
    {
        var pageSize = query.EffectivePageSize;
        var from = query.Offset;
        // A page past the window is asked for its total and facets only: it holds no items the API could page to.
        var beyond = from + pageSize > MaxResultWindow;

        var words = query.HasText ? TextQuery.Words(Terms, query.Text!) : [];
        var sort = words.Count == 0 ? SearchSort.Date : query.EffectiveSort;
        var match = new BoolQuery { Filter = Filters(query, now) };
        if (words.Count > 0) match.Must = [.. words.Select(Word)];

        return new SearchRequest(index)
        {
            Query = match,
            From = beyond ? 0 : (int)from,
            Size = beyond ? 0 : pageSize,
            TrackTotalHits = new TrackHits(true),
            Sort = Sort(sort),
            Aggregations = new Dictionary<string, Aggregation>
            {
                [CategoryFacet] = Facet("category"),
                [CityFacet] = Facet("city"),
            },
        };
    }

    /// <summary>One typed word: the exact word, a word it begins, or a word a few edits away (as <see cref="WordExpansions"/> expands it for Lucene).</summary>
    public static Query Word(string term)
    {
        var should = new List<Query>
        {
            new TermQuery { Field = "text", Value = term, Boost = 4 },
            new TermQuery { Field = "title", Value = term, Boost = 6 },
        };
        // One letter is not a word being typed; edge n-grams start at two.
        if (term.Length >= 2)
        {
            should.Add(term.Length <= EventIndexTemplate.MaxPrefixGram
                ? new MatchQuery { Field = "text.prefix", Query = term, Boost = 2 }
                : new PrefixQuery { Field = "text", Value = term, Boost = 2 });
        }
        if (TextQuery.MaxEdits(term.Length) > 0)
        {
            should.Add(new FuzzyQuery { Field = "text", Value = term, Fuzziness = new Fuzziness("AUTO") });
            should.Add(new FuzzyQuery { Field = "title", Value = term, Fuzziness = new Fuzziness("AUTO"), Boost = 1.5f });
        }
        return new BoolQuery { Should = should, MinimumShouldMatch = 1 };
    }

    public static SearchResults Read(SearchResponse<IndexedEvent> response, SearchQuery query)
    {
        var total = response.HitsMetadata?.Total?.Match(t => t?.Value ?? 0, l => l) ?? 0;
        var items = response.Hits.Select(h => h.Source!.ToDocument()).ToList();
        var facets = new SearchFacets(Buckets(response.Aggregations, CategoryFacet), Buckets(response.Aggregations, CityFacet));
        return new SearchResults((int)Math.Min(total, int.MaxValue), query.EffectivePage, query.EffectivePageSize, items, facets);
    }

    private static List<Query> Filters(SearchQuery query, DateTimeOffset now)
    {
        // Past events are hidden unless the caller asks for a start date (docs/api.md); bounds are inclusive.
        var window = new DateRangeQuery { Field = "starts_at", Gte = DateMath.Anchored(CeilingMilliseconds(query.From ?? now).UtcDateTime) };
        if (query.To is { } to) window.Lte = DateMath.Anchored(IndexedEvent.Milliseconds(to).UtcDateTime);
        var filters = new List<Query> { window };
        AddKey(filters, "city_key", query.City);
        AddKey(filters, "category_key", query.Category);
        AddKey(filters, "performer_key", query.Performer);
        AddKey(filters, "venue_key", query.Venue);
        return filters;
    }

    private static void AddKey(List<Query> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) filters.Add(new TermQuery { Field = field, Value = SearchFields.Key(value) });
    }

    /// <summary>Best match first, then soonest, then event id; or soonest, then event id: pages never overlap.</summary>
    private static List<SortOptions> Sort(SearchSort sort)
    {
        var byDate = new List<SortOptions>
        {
            new() { Field = new FieldSort { Field = "starts_at", Order = SortOrder.Asc } },
            new() { Field = new FieldSort { Field = "event_id", Order = SortOrder.Asc } },
        };
        if (sort == SearchSort.Relevance) byDate.Insert(0, new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } });
        return byDate;
    }

    private static TermsAggregation Facet(string field) => new()
    {
        Field = field,
        Size = FacetSize,
        Order = [new KeyValuePair<Field, SortOrder>("_count", SortOrder.Desc), new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
    };

    /// <summary>Most frequent first, then by value in ordinal order, exactly as the Lucene facets.</summary>
    private static Dictionary<string, int> Buckets(AggregateDictionary? aggregations, string name)
    {
        var terms = aggregations?.GetStringTerms(name);
        if (terms is null) return [];
        return terms.Buckets
            .Select(b => (Key: b.Key.TryGetString(out var key) ? key! : Convert.ToString(b.Key.Value, CultureInfo.InvariantCulture) ?? "", Count: (int)b.DocCount))
            .OrderByDescending(b => b.Count)
            .ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToDictionary(b => b.Key, b => b.Count);
    }

    /// <summary>A lower bound rounded up to the millisecond a date field holds, so nothing earlier than it slips in.</summary>
    private static DateTimeOffset CeilingMilliseconds(DateTimeOffset time)
    {
        var floor = IndexedEvent.Milliseconds(time);
        return floor.UtcTicks == time.UtcTicks ? floor : floor.AddMilliseconds(1);
    }
}
