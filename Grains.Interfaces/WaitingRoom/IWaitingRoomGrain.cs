namespace TicketMaster.WaitingRoom;

/// <summary>
/// The virtual waiting room of one event (key: event id): a durable FIFO that admits fans at the
/// rate booking can serve and hands each a short-lived admission token for /reserve.
/// </summary>
[Alias("IWaitingRoomGrain")]
public interface IWaitingRoomGrain : IGrainWithStringKey
{
    /// <summary>Turns the room on or off and sets the admit rate; false when the event does not exist.</summary>
    [Alias("Configure")]
    Task<bool> Configure(bool active, double admitPerSecond);

    /// <summary>Queues the user; joining again returns the same ticket and place.</summary>
    [Alias("Join")]
    Task<JoinResult> Join(string userId);

    /// <summary>The user's place, or their admission token once admitted.</summary>
    [Alias("GetStatus")]
    Task<QueueStatus?> GetStatus(string userId, string ticket);

    /// <summary>Told by the event grain when the event sells out (or seats come back).</summary>
    [Alias("SetSoldOut")]
    Task SetSoldOut(bool soldOut);
}
