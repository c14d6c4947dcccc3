namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// A join shard's snapshot: fans in join order (8 bytes each), and the join stamps as runs
/// (<see cref="StampStart"/>[i] is the first index stamped <see cref="StampMs"/>[i]).
/// </summary>
[GenerateSerializer, Alias("QueueShardState")]
public sealed class QueueShardState
{
    [Id(0)] public ulong[] Users { get; set; } = [];
    [Id(1)] public long[] StampStart { get; set; } = [];
    [Id(2)] public long[] StampMs { get; set; } = [];
}
