using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.Grains.Payments;

/// <summary>How the sandbox's ledger is split: fixed, because a key must find its shard again after any restart.</summary>
public static class LedgerShards
{
    /// <summary>Few enough that a shard's appends carry many charges at once, enough that no one shard is a bottleneck.</summary>
    public const int Count = 8;

    public static int Of(string idempotencyKey) =>
        (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey))) % Count);

    public static string JournalName(long shard) => $"ledger/{shard}";
}
