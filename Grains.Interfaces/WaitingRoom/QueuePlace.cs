namespace TicketMaster.WaitingRoom;

/// <summary>
/// A fan's place in a waiting room: the join shard, the index within that shard (0 = first) and
/// when the shard made the join durable. A queue ticket carries it, signed.
/// </summary>
[GenerateSerializer, Immutable, Alias("QueuePlace")]
public sealed record QueuePlace(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Index,
    [property: Id(2)] DateTimeOffset JoinedAt);
