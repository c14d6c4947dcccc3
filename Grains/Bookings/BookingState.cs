using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Bookings;

public enum BookingStage
{
    /// <summary>Nothing durable yet (or a timed-out attempt that may be retried).</summary>
    New,
    /// <summary>The hold is pinned and the charge may have been sent: a retry charges again with the same key.</summary>
    Charging,
    Charged,
    Confirmed,
    /// <summary>Final: the card was declined; replays answer the same.</summary>
    Declined,
    Cancelled,
}

[GenerateSerializer, Alias("BookingState")]
public sealed class BookingState
{
    [Id(0)] public BookingStage Stage { get; set; }
    [Id(1)] public string UserId { get; set; } = "";
    [Id(2)] public string ReservationId { get; set; } = "";
    [Id(3)] public Reservation? Reservation { get; set; }
    [Id(4)] public string? ChargeId { get; set; }
    [Id(5)] public List<Ticket> Tickets { get; set; } = [];
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
}
