using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>One page of matches, the number of all matches and their facets.</summary>
public sealed record SearchResults(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchDocument> Items,
    SearchFacets Facets)
{
    /// <summary>
    /// The earliest start among all matches (<see cref="DateTimeOffset.MaxValue"/> when nothing matched): a search
    /// whose window starts at "now" gets this same answer from the same index until then, as no match can leave
    /// the window earlier. Null when the engine does not say.
    /// </summary>
    public DateTimeOffset? StableUntil { get; init; }
}
