namespace TicketMaster.Events;

/// <summary>Seats held for one user until <see cref="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("Reservation")]
public sealed record Reservation(
    [property: Id(0)] string ReservationId,
    [property: Id(1)] string EventId,
    [property: Id(2)] string UserId,
    [property: Id(3)] IReadOnlyList<ReservedSeat> Seats,
    [property: Id(4)] decimal Total,
    [property: Id(5)] string Currency,
    [property: Id(6)] DateTimeOffset ExpiresAt);

/// <summary>One held ticket. General admission tickets carry a generated seat id (<c>GA-3</c> style) and no row.</summary>
[GenerateSerializer, Immutable, Alias("ReservedSeat")]
public sealed record ReservedSeat(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string SectionId,
    [property: Id(2)] decimal Price);
