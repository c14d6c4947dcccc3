namespace TicketMaster.WaitingRoom;

public enum QueueState
{
    Waiting,
    Admitted,
    /// <summary>Admitted, but the admission window has passed.</summary>
    Expired,
    SoldOut,
}

/// <summary>Where a fan stands: <see cref="Position"/> 0 once admitted.</summary>
[GenerateSerializer, Immutable, Alias("QueueStatus")]
public sealed record QueueStatus(
    [property: Id(0)] QueueState State,
    [property: Id(1)] long Position,
    [property: Id(2)] string? AdmissionToken = null,
    [property: Id(3)] DateTimeOffset? ExpiresAt = null);
