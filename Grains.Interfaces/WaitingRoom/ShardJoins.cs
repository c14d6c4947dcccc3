namespace TicketMaster.WaitingRoom;

/// <summary>
/// A join shard's answer to the room: for each admit-period bucket after the one asked for and
/// before <see cref="ClosedBefore"/> in which fans joined, the shard's join count at its end
/// (<see cref="Ends"/>[i] for <see cref="Buckets"/>[i]). Buckets before ClosedBefore are final:
/// no join is stamped in them any more.
/// </summary>
[GenerateSerializer, Immutable, Alias("ShardJoins")]
public sealed record ShardJoins(
    [property: Id(0)] long ClosedBefore,
    [property: Id(1)] long[] Buckets,
    [property: Id(2)] long[] Ends);
