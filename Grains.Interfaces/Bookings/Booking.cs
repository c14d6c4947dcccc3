namespace TicketMaster.Bookings;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}

/// <summary>A paid reservation and its tickets.</summary>
[GenerateSerializer, Immutable, Alias("Booking")]
public sealed record Booking(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string EventId,
    [property: Id(2)] string UserId,
    [property: Id(3)] string ReservationId,
    [property: Id(4)] BookingStatus Status,
    [property: Id(5)] decimal Total,
    [property: Id(6)] string Currency,
    [property: Id(7)] IReadOnlyList<Ticket> Tickets,
    [property: Id(8)] DateTimeOffset CreatedAt);
