using TicketMaster.SearchProjector;

namespace TicketMaster.SearchProjector.Http;

/// <summary>The body of a successful <c>GET /api/v1/search</c> (docs/api.md, "Search").</summary>
public sealed record SearchResponse(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchResponseItem> Items,
    SearchFacets Facets);
