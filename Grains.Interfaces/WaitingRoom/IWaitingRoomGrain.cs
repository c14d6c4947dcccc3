namespace TicketMaster.WaitingRoom;

/// <summary>
/// The virtual waiting room of one event (key: event id): admits fans from its join shards at the
/// configured rate and publishes "admitted up to" watermarks that frontends cache, so a status
/// poll or an admission token costs no grain call (docs/waiting-room.md).
/// </summary>
[Alias("IWaitingRoomGrain")]
public interface IWaitingRoomGrain : IGrainWithStringKey
{
    /// <summary>Turns the room on or off and sets the admit rate; false when the event does not exist.</summary>
    [Alias("Configure")]
    Task<bool> Configure(bool active, double admitPerSecond);

    /// <summary>Told by the event grain when the event sells out (or seats come back).</summary>
    [Alias("SetSoldOut")]
    Task SetSoldOut(bool soldOut);

    /// <summary>
    /// The durable watermarks, with bucket rows from number <paramref name="nextRow"/> and admission
    /// steps from <paramref name="nextStep"/> on (what a frontend's cache does not have yet).
    /// </summary>
    [Alias("GetWatermarks")]
    Task<QueueWatermarks> GetWatermarks(long nextRow, long nextStep);
}
