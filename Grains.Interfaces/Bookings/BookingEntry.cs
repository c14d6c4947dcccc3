namespace TicketMaster.Bookings;

/// <summary>
/// A booking as its fan's shard records it when the booking starts: whose it is and which
/// reservation it pays for. What became of it (sold, refunded) is the event's to say.
/// <see cref="DeclineReason"/> is set once its payment was declined: final for this idempotency key.
/// <see cref="Email"/> is where its confirmation goes (none when unset).
/// </summary>
[GenerateSerializer, Immutable, Alias("BookingEntry")]
public sealed record BookingEntry(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string ReservationId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? DeclineReason = null,
    [property: Id(5)] string? Email = null);
