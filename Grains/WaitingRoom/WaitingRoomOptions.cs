namespace TicketMaster.Grains.WaitingRoom;

/// <summary>Configuration section <c>WaitingRoom</c>.</summary>
public sealed class WaitingRoomOptions
{
    public const string Section = "WaitingRoom";

    /// <summary>
    /// HMAC key for admission tokens and queue tickets. Every silo and every frontend of a cluster
    /// needs the same one; when unset a random key is made per process, which only a single-process
    /// cluster (the embedded default) can use.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an admitted fan has to reserve.</summary>
    public TimeSpan AdmissionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the room admits the next fans; also the width of the join-time buckets fairness is defined by.</summary>
    public TimeSpan AdmitPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long before an event's on-sale time fans may join its waiting room; everyone who joined
    /// before the on-sale time is put in a random order at that time (docs/waiting-room.md).
    /// </summary>
    public TimeSpan PreQueue { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Join shards per room; fixed for a room when it is first configured.</summary>
    public int Shards { get; set; } = 8;
}
