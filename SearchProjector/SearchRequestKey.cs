namespace TicketMaster.SearchProjector;

/// <summary>
/// A search as the request cache tells searches apart: two queries with equal keys get equal answers
/// from the same index state. Text and keywords are reduced the way every engine reads them (case and
/// runs of spaces ignored), the page and its size as the engine clamps them, the sort as it takes effect.
/// </summary>
public readonly record struct SearchRequestKey(
    string? Text,
    string? City,
    string? Category,
    string? Performer,
    string? Venue,
    long? FromTicks,
    long? ToTicks,
    SearchSort Sort,
    int Page,
    int PageSize)
{
    public static SearchRequestKey For(SearchQuery query) => new(
        NormalText(query.Text),
        Keyword(query.City),
        Keyword(query.Category),
        Keyword(query.Performer),
        Keyword(query.Venue),
        query.From?.UtcTicks,
        query.To?.UtcTicks,
        query.EffectiveSort,
        query.EffectivePage,
        query.EffectivePageSize);

    /// <summary>Whether the window starts at "now", so the answer ages even while the index stands still.</summary>
    public bool FromNow => FromTicks is null;

    /// <summary>Rough bytes the key's strings hold.</summary>
    public int EstimatedBytes => Size(Text) + Size(City) + Size(Category) + Size(Performer) + Size(Venue);

    private static int Size(string? s) => s is null ? 0 : 24 + 2 * s.Length;

    private static string? Keyword(string? value) => string.IsNullOrWhiteSpace(value) ? null : SearchFields.Key(value);

    private static string? NormalText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
