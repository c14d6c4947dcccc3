namespace TicketMaster.Events;

public enum HoldStatus
{
    Ok,
    NotFound,
    /// <summary>The hold belongs to another user.</summary>
    Forbidden,
    /// <summary>The hold expired or was released.</summary>
    Gone,
    /// <summary>Another booking already pinned or bought this hold.</summary>
    Conflict,
}

/// <summary>
/// The answer to an operation on an existing hold (release, pin, confirm). <see cref="Sale"/> is
/// set when the hold was sold to the booking that asked (with its tickets).
/// </summary>
[GenerateSerializer, Immutable, Alias("HoldResult")]
public sealed record HoldResult(
    [property: Id(0)] HoldStatus Status,
    [property: Id(1)] Reservation? Reservation = null,
    [property: Id(2)] SaleView? Sale = null)
{
    public static HoldResult Ok(Reservation? reservation = null) => new(HoldStatus.Ok, reservation);

    public static HoldResult Sold(SaleView sale) => new(HoldStatus.Ok, null, sale);

    public static readonly HoldResult NotFound = new(HoldStatus.NotFound);
    public static readonly HoldResult Forbidden = new(HoldStatus.Forbidden);
    public static readonly HoldResult Gone = new(HoldStatus.Gone);
    public static readonly HoldResult Conflict = new(HoldStatus.Conflict);
}
