namespace TicketMaster.SearchProjector.Http;

/// <summary>One event in a search answer (docs/api.md, "Search"); <see cref="StartsAt"/> is UTC so it serialises with a Z.</summary>
public sealed record SearchResponseItem(
    string EventId,
    string Name,
    IReadOnlyList<string> Performers,
    string Venue,
    string City,
    DateTime StartsAt,
    string Category,
    decimal MinPrice,
    string Currency,
    string Availability);
