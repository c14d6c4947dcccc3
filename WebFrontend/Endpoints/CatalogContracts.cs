using TicketMaster.Events;
namespace TicketMaster.WebFrontend.Endpoints;

public sealed record VenueRequest(string? Name, string? City, string? Address, IReadOnlyList<SectionRequest?>? Sections);

public sealed record SectionRequest(string? SectionId, string? Name, int? Rows, int? SeatsPerRow, int? Capacity);

public sealed record PerformerRequest(string? Name, string? Genre);

public sealed record EventRequest(
    string? Name,
    string? Description,
    string? Category,
    DateTimeOffset? StartsAt,
    string? VenueId,
    IReadOnlyList<string?>? PerformerIds,
    IReadOnlyList<PriceRequest?>? Prices,
    int? MaxTicketsPerFan = null,
    DateTimeOffset? OnSaleAt = null);

public sealed record PriceRequest(string? SectionId, decimal? Price, string? Currency);

public sealed record VenueCreated(string VenueId);

public sealed record PerformerCreated(string PerformerId);

public sealed record EventCreated(string EventId);

/// <summary>
/// The answer to cancelling an event, the same each time it is asked: <c>status</c> is
/// <c>cancelled</c> once every booking is refunded, <c>refunding</c> while some are left.
/// </summary>
public sealed record EventCancellation(string EventId, string Status, int BookingsRefunded, int BookingsToRefund)
{
    public static EventCancellation From(string eventId, CancelEventResult result) =>
        new(eventId, result.BookingsToRefund == 0 ? "cancelled" : "refunding", result.BookingsRefunded, result.BookingsToRefund);
}

/// <summary>A venue as docs/api.md describes it: seated sections with rows and seats, general admission with a capacity.</summary>
public sealed record VenueResponse(string VenueId, string Name, string City, string Address, IReadOnlyList<SectionResponse> Sections)
{
    public static VenueResponse From(TicketMaster.Catalog.Venue venue) => new(venue.VenueId, venue.Name, venue.City, venue.Address,
        venue.Sections.Select(s => s.IsGeneralAdmission
            ? new SectionResponse(s.SectionId, s.Name, null, null, s.Capacity, true)
            : new SectionResponse(s.SectionId, s.Name, s.Rows, s.SeatsPerRow, s.SeatCount, false)).ToList());
}

public sealed record SectionResponse(string SectionId, string Name, int? Rows, int? SeatsPerRow, int Capacity, bool GeneralAdmission);
