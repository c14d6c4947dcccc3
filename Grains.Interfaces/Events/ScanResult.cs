namespace TicketMaster.Events;

public enum ScanStatus
{
    Admitted,
    /// <summary>The ticket was admitted before, at <see cref="ScanResult.ScannedAt"/>.</summary>
    AlreadyScanned,
    /// <summary>The code was a ticket's, but no longer admits: transferred since, refunded or cancelled.</summary>
    Void,
    /// <summary>No ticket of this event ever had the code.</summary>
    UnknownCode,
}

/// <summary>The answer to a ticket's code at the door.</summary>
[GenerateSerializer, Immutable, Alias("ScanResult")]
public sealed record ScanResult(
    [property: Id(0)] ScanStatus Status,
    [property: Id(1)] string? TicketId = null,
    [property: Id(2)] string? SeatId = null,
    [property: Id(3)] DateTimeOffset? ScannedAt = null)
{
    public static readonly ScanResult UnknownCode = new(ScanStatus.UnknownCode);
    public static readonly ScanResult Void = new(ScanStatus.Void);
}
