using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Endpoints;

public sealed record ReserveBody(string? EventId, IReadOnlyList<string?>? Seats, string? SectionId, int? Quantity);

public sealed record ReservationResponse(
    string ReservationId, string EventId, IReadOnlyList<ReservedSeatResponse> Seats, decimal Total, string Currency, DateTimeOffset ExpiresAt)
{
    public static ReservationResponse From(Reservation r) => new(
        r.ReservationId, r.EventId, r.Seats.Select(s => new ReservedSeatResponse(s.SeatId, s.SectionId, s.Price)).ToList(), r.Total, r.Currency, r.ExpiresAt);
}

public sealed record ReservedSeatResponse(string SeatId, string SectionId, decimal Price);

public sealed record ReservationListResponse(IReadOnlyList<ReservationResponse> Items);
