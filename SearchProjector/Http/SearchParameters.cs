using Microsoft.AspNetCore.Mvc;

namespace TicketMaster.SearchProjector.Http;

/// <summary>
/// The query string of <c>GET /api/v1/search</c>, bound as strings on purpose: numbers and dates
/// are parsed by <see cref="SearchApi"/> so a bad value is a 400 naming the parameter, not a bind failure.
/// </summary>
public sealed class SearchParameters
{
    [FromQuery(Name = "text")] public string? Text { get; init; }

    [FromQuery(Name = "city")] public string? City { get; init; }

    [FromQuery(Name = "category")] public string? Category { get; init; }

    [FromQuery(Name = "performer")] public string? Performer { get; init; }

    [FromQuery(Name = "venue")] public string? Venue { get; init; }

    [FromQuery(Name = "from")] public string? From { get; init; }

    [FromQuery(Name = "to")] public string? To { get; init; }

    [FromQuery(Name = "sort")] public string? Sort { get; init; }

    [FromQuery(Name = "page")] public string? Page { get; init; }

    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }
}
