using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>One page of matches, the number of all matches and their facets.</summary>
public sealed record SearchResults(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchDocument> Items,
    SearchFacets Facets);
