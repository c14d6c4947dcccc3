namespace TicketMaster.Bookings;

public enum BookStatus
{
    Confirmed,
    PaymentDeclined,
    PaymentTimedOut,
    ReservationNotFound,
    /// <summary>The reservation is another user's.</summary>
    Forbidden,
    /// <summary>The hold expired or was released before payment.</summary>
    ReservationGone,
    /// <summary>The idempotency key was used before for another reservation.</summary>
    KeyReused,
    /// <summary>Another booking (another idempotency key) pinned or bought this reservation.</summary>
    ReservationInUse,
}

/// <summary>The answer to a booking; the same key always gets the same answer once it is final. <see cref="DeclineReason"/> is the gateway's, when it gave one.</summary>
[GenerateSerializer, Immutable, Alias("BookResult")]
public sealed record BookResult(
    [property: Id(0)] BookStatus Status,
    [property: Id(1)] Booking? Booking = null,
    [property: Id(2)] string? DeclineReason = null);
