namespace TicketMaster.Events;

public enum ReserveStatus
{
    Held,
    /// <summary>Some seats are held or sold by others; <see cref="ReserveResult.Unavailable"/> lists them.</summary>
    Unavailable,
    /// <summary>The request is wrong for this event (unknown seats, section); <see cref="ReserveResult.Field"/> names it.</summary>
    Invalid,
    EventNotFound,
    /// <summary>The event is in the past: nothing is on sale.</summary>
    SalesClosed,
    /// <summary>The organiser cancelled the event.</summary>
    EventCancelled,
    /// <summary>The waiting room is active and the request has no valid admission token for this user and event.</summary>
    AdmissionRequired,
    /// <summary>The fan would pass the event's tickets-per-fan limit; <see cref="ReserveResult.Error"/> names it.</summary>
    TicketLimit,
    /// <summary>The waiting room is active and the fan already has an active hold: one admission, one hold at a time.</summary>
    HoldLimit,
    /// <summary>The event's on-sale time has not come; <see cref="ReserveResult.OnSaleAt"/> says when it does.</summary>
    NotOnSaleYet,
    /// <summary>The client's address already holds as many seats of this event as one address may hold at once.</summary>
    AddressLimit,
}

/// <summary>The answer to a reserve: a hold, or why not.</summary>
[GenerateSerializer, Immutable, Alias("ReserveResult")]
public sealed record ReserveResult(
    [property: Id(0)] ReserveStatus Status,
    [property: Id(1)] Reservation? Reservation = null,
    [property: Id(2)] IReadOnlyList<string>? Unavailable = null,
    [property: Id(3)] string? Field = null,
    [property: Id(4)] string? Error = null,
    [property: Id(5)] DateTimeOffset? OnSaleAt = null)
{
    public static ReserveResult NotOnSaleYet(DateTimeOffset onSaleAt) => new(ReserveStatus.NotOnSaleYet, Field: "onSaleAt", OnSaleAt: onSaleAt);

    public static ReserveResult Held(Reservation reservation) => new(ReserveStatus.Held, reservation);

    public static ReserveResult Taken(IReadOnlyList<string> seats) => new(ReserveStatus.Unavailable, Unavailable: seats);

    public static ReserveResult Invalid(string field, string error) => new(ReserveStatus.Invalid, Field: field, Error: error);

    public static ReserveResult TicketLimit(int limit, int already) =>
        new(ReserveStatus.TicketLimit, Field: "maxTicketsPerFan",
            Error: $"This event allows at most {limit} tickets per fan (maxTicketsPerFan); you already hold or bought {already}.");

    public static ReserveResult AddressLimit(int limit) =>
        new(ReserveStatus.AddressLimit, Field: "address",
            Error: $"At most {limit} seats of this event may be held at once from one network address; book or release a hold first.");

    public static readonly ReserveResult EventNotFound = new(ReserveStatus.EventNotFound);

    public static readonly ReserveResult AdmissionRequired = new(ReserveStatus.AdmissionRequired);

    public static readonly ReserveResult SalesClosed = new(ReserveStatus.SalesClosed);

    public static readonly ReserveResult EventCancelled = new(ReserveStatus.EventCancelled);

    public static readonly ReserveResult HoldLimit = new(ReserveStatus.HoldLimit, Field: "X-Admission-Token");
}
