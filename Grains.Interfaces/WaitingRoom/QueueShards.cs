using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.WaitingRoom;

/// <summary>How a waiting room is split: which join shard a fan belongs to, and the admit-period buckets admission goes by.</summary>
public static class QueueShards
{
    /// <summary>The join shard grain's key.</summary>
    public static string Key(string eventId, int shard) => $"{eventId}/{shard}";

    /// <summary>A stable shard for a user: the same on every frontend and silo, and across restarts.</summary>
    public static int ShardOf(string userId, int shards) => (int)(Hash(userId, 8) % (ulong)shards);

    /// <summary>
    /// The 64 bits a shard remembers a fan by (8 bytes instead of the id's string): two of a
    /// million fans share one with a chance of about 3 in 100 million.
    /// </summary>
    public static ulong UserKey(string userId) => Hash(userId, 0);

    /// <summary>The admit-period bucket a time falls in: admission never takes a later bucket before an earlier one is through.</summary>
    public static long Bucket(DateTimeOffset at, TimeSpan period) =>
        (long)Math.Floor(at.ToUnixTimeMilliseconds() / Math.Max(1, period.TotalMilliseconds));

    private static ulong Hash(string userId, int offset)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(userId), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash[offset..]);
    }
}
