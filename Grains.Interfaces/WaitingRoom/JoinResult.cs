namespace TicketMaster.WaitingRoom;

public enum JoinStatus
{
    Joined,
    /// <summary>The event has no active waiting room: go straight to /reserve.</summary>
    NotActive,
}

[GenerateSerializer, Immutable, Alias("JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] JoinStatus Status,
    [property: Id(1)] string? QueueTicket = null,
    [property: Id(2)] long Position = 0);
