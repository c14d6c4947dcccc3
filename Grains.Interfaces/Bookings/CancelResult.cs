namespace TicketMaster.Bookings;

public enum CancelStatus
{
    Cancelled,
    NotFound,
    Forbidden,
    /// <summary>The event has started: a booking can no longer be cancelled or refunded.</summary>
    TooLate,
    /// <summary>A ticket of it was transferred or admitted, or the booking only received tickets: it cannot be taken back.</summary>
    TicketsUsed,
}

[GenerateSerializer, Immutable, Alias("CancelResult")]
public sealed record CancelResult(
    [property: Id(0)] CancelStatus Status,
    [property: Id(1)] Booking? Booking = null);
