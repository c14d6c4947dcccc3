namespace TicketMaster.Events;

public enum WaitlistStatus
{
    Waiting,
    /// <summary>The request is wrong for this event (quantity, section); <see cref="WaitlistResult.Field"/> names it.</summary>
    Invalid,
    EventNotFound,
    /// <summary>The event has started.</summary>
    SalesClosed,
    EventCancelled,
    /// <summary>As many seats as asked for are on sale: reserve them instead.</summary>
    SeatsAvailable,
    /// <summary>An offer of that many would pass the event's tickets-per-fan limit.</summary>
    TicketLimit,
    /// <summary>The fan is not on the waitlist (leaving).</summary>
    NotWaiting,
}

/// <summary>A fan's place on an event's waitlist (1 is next), or why not.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistResult")]
public sealed record WaitlistResult(
    [property: Id(0)] WaitlistStatus Status,
    [property: Id(1)] int Position = 0,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Error = null)
{
    public static WaitlistResult Invalid(string field, string error) => new(WaitlistStatus.Invalid, Field: field, Error: error);

    public static readonly WaitlistResult EventNotFound = new(WaitlistStatus.EventNotFound);
    public static readonly WaitlistResult SalesClosed = new(WaitlistStatus.SalesClosed);
    public static readonly WaitlistResult EventCancelled = new(WaitlistStatus.EventCancelled);
    public static readonly WaitlistResult SeatsAvailable = new(WaitlistStatus.SeatsAvailable);
    public static readonly WaitlistResult NotWaiting = new(WaitlistStatus.NotWaiting);
}
