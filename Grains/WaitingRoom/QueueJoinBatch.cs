using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// One group-commit batch of a join shard: the fans (by <see cref="TicketMaster.WaitingRoom.QueueShards.UserKey"/>)
/// who joined, in order, from the shard's count before the batch on, all stamped <see cref="AtMs"/>.
/// </summary>
[GenerateSerializer, Alias("QueueJoinBatch")]
public sealed record QueueJoinBatch([property: Id(0)] long AtMs, [property: Id(1)] ulong[] Users) : IJournalBatch
{
    public int ChangeCount => Users.Length;
}
