using TicketMaster.Bookings;

namespace TicketMaster.Events;

public enum SaleStatus
{
    /// <summary>A booking is paying for the hold: nothing sold yet, no tickets.</summary>
    Pinned,
    Sold,
    /// <summary>Cancelled: the seats are back (or the event is off) and the refund is under way.</summary>
    Returned,
    /// <summary>Cancelled and refunded.</summary>
    Refunded,
}

/// <summary>What one booking bought of an event, as the event's journal records it; tickets once sold.</summary>
[GenerateSerializer, Immutable, Alias("SaleView")]
public sealed record SaleView(
    [property: Id(0)] SaleStatus Status,
    [property: Id(1)] string ReservationId,
    [property: Id(2)] string EventId,
    [property: Id(3)] IReadOnlyList<ReservedSeat> Seats,
    [property: Id(4)] decimal Total,
    [property: Id(5)] string Currency,
    [property: Id(6)] IReadOnlyList<Ticket> Tickets);
