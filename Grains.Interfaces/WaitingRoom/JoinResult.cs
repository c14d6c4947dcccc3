namespace TicketMaster.WaitingRoom;

public enum JoinStatus
{
    Joined,
    /// <summary>The event has no active waiting room: go straight to /reserve.</summary>
    NotActive,
    /// <summary>The event has an on-sale time and its pre-queue has not opened yet.</summary>
    TooEarly,
}

/// <summary>A join's answer: the ticket and where it stands (<see cref="QueueStatus"/>), or why not (TooEarly: the pre-queue opens at <see cref="OpensAt"/>).</summary>
[GenerateSerializer, Immutable, Alias("JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] JoinStatus Status,
    [property: Id(1)] string? QueueTicket = null,
    [property: Id(2)] long? Position = 0,
    [property: Id(3)] bool PreQueued = false,
    [property: Id(4)] DateTimeOffset? OnSaleAt = null,
    [property: Id(5)] DateTimeOffset? OpensAt = null);
