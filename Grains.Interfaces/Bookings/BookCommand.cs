namespace TicketMaster.Bookings;

/// <summary>Pay for a reservation. The booking grain's key is derived from user and idempotency key; <see cref="Email"/> gets the confirmation.</summary>
[GenerateSerializer, Immutable, Alias("BookCommand")]
public sealed record BookCommand(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ReservationId,
    [property: Id(2)] string PaymentToken,
    [property: Id(3)] string? Email = null);
