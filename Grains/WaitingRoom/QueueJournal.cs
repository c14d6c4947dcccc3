namespace TicketMaster.Grains.WaitingRoom;

/// <summary>Where a waiting room's journals live: storage backends key them by these names.</summary>
public static class QueueJournal
{
    public const string Kind = "queue";

    public static string Room(string eventId) => $"queue/{eventId}/room";

    public static string Shard(string shardKey) => "queue/" + shardKey;
}
