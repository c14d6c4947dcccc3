namespace TicketMaster.Events;

public enum CancelEventStatus
{
    /// <summary>The event is cancelled; the counts say how far its refunds are.</summary>
    Cancelled,
    NotFound,
    /// <summary>The event has started: it can no longer be cancelled.</summary>
    Started,
}

/// <summary>The answer to an organiser's cancellation, repeated as often as it is asked: how many bookings are refunded and how many are left.</summary>
[GenerateSerializer, Immutable, Alias("CancelEventResult")]
public sealed record CancelEventResult(
    [property: Id(0)] CancelEventStatus Status,
    [property: Id(1)] int BookingsRefunded = 0,
    [property: Id(2)] int BookingsToRefund = 0)
{
    public static readonly CancelEventResult NotFound = new(CancelEventStatus.NotFound);
    public static readonly CancelEventResult Started = new(CancelEventStatus.Started);
}
