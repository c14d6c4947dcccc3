namespace TicketMaster.WaitingRoom;

/// <summary>
/// One of a waiting room's join shards (key: <c>{eventId}/{shard}</c>, see <see cref="QueueShards"/>):
/// appends its fans' joins in batches and hands out tickets that carry their place.
/// </summary>
[Alias("IQueueShardGrain")]
public interface IQueueShardGrain : IGrainWithStringKey
{
    /// <summary>Queues the user once durable; joining again returns the same ticket.</summary>
    [Alias("Join")]
    Task<QueueJoin> Join(string userId);

    /// <summary>For the room: join counts per closed admit-period bucket after <paramref name="afterBucket"/>.</summary>
    [Alias("GetJoins")]
    Task<ShardJoins> GetJoins(long afterBucket, TimeSpan period);

    /// <summary>
    /// For the room's pre-queue draw: how many fans joined (were stamped) before <paramref name="at"/>,
    /// once final; null while this silo's clock has not reached it, since a join could still be stamped before it.
    /// </summary>
    [Alias("CountBefore")]
    Task<long?> CountBefore(DateTimeOffset at);
}
