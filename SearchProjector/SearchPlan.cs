namespace TicketMaster.SearchProjector;

/// <summary>
/// A search as <see cref="RankedSearch"/> runs it: the typed words with what each may match, the exact keywords
/// (a city, a category, a performer, a venue: terms of their key fields), an inclusive start-time window, the order,
/// and the page. Past events are hidden unless the caller asks for a start date (docs/api.md).
/// </summary>
public sealed record SearchPlan(
    IReadOnlyList<WordExpansion> Words,
    IReadOnlyList<SearchKey> Keys,
    long FromTicks,
    long ToTicks,
    bool ByRelevance,
    long Start,
    int PageSize)
{
    public static SearchPlan For(SearchQuery query, DateTimeOffset now, IReadOnlyList<WordExpansion> words)
    {
        var keys = new List<SearchKey>(4);
        AddKey(keys, SearchFields.CityKey, query.City);
        AddKey(keys, SearchFields.CategoryKey, query.Category);
        AddKey(keys, SearchFields.PerformerKey, query.Performer);
        AddKey(keys, SearchFields.VenueKey, query.Venue);
        return new SearchPlan(
            words,
            keys,
            (query.From ?? now).UtcTicks,
            query.To?.UtcTicks ?? long.MaxValue,
            words.Count > 0 && query.EffectiveSort == SearchSort.Relevance,
            query.Offset,
            query.EffectivePageSize);
    }

    private static void AddKey(List<SearchKey> keys, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        keys.Add(new SearchKey(field, SearchFields.Key(value)));
    }
}

/// <summary>An exact keyword: a term of one of the key fields.</summary>
public sealed record SearchKey(string Field, string Value)
{
    /// <summary>Its name in the <see cref="MatchCache"/>.</summary>
    public string CacheKey { get; } = "k\0" + Field + "\0" + Value;
}
