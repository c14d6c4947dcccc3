using TicketMaster.Bookings;

namespace TicketMaster.WebFrontend.Endpoints;

public sealed record BookBody(string? ReservationId, PaymentBody? Payment);

public sealed record PaymentBody(string? Token);

public sealed record TransferBody(string? ToEmail, IReadOnlyList<string?>? TicketIds);

public sealed record BookingResponse(
    string BookingId, string EventId, BookingStatus Status, decimal Total, string Currency, IReadOnlyList<TicketResponse> Tickets, DateTimeOffset CreatedAt)
{
    public static BookingResponse From(Booking b) => new(
        b.BookingId, b.EventId, b.Status, b.Total, b.Currency,
        b.Tickets.Select(t => new TicketResponse(t.TicketId, t.SeatId, t.SectionId, t.Code)).ToList(), b.CreatedAt);
}

public sealed record TicketResponse(string TicketId, string SeatId, string SectionId, string Code);
