namespace TicketMaster.WaitingRoom;

public enum QueueState
{
    Waiting,
    Admitted,
    /// <summary>Admitted, but the admission window has passed.</summary>
    Expired,
    SoldOut,
}

/// <summary>
/// Where a fan stands: <see cref="Position"/> 0 once admitted, null while the pre-queue awaits its
/// draw. <see cref="PreQueued"/>: the fan joined before the on-sale time <see cref="OnSaleAt"/>;
/// <see cref="DrawnAt"/> says when that order was drawn.
/// </summary>
[GenerateSerializer, Immutable, Alias("QueueStatus")]
public sealed record QueueStatus(
    [property: Id(0)] QueueState State,
    [property: Id(1)] long? Position,
    [property: Id(2)] string? AdmissionToken = null,
    [property: Id(3)] DateTimeOffset? ExpiresAt = null,
    [property: Id(4)] bool PreQueued = false,
    [property: Id(5)] DateTimeOffset? OnSaleAt = null,
    [property: Id(6)] DateTimeOffset? DrawnAt = null);
