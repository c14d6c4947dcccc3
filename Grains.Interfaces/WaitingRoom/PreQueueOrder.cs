using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TicketMaster.WaitingRoom;

/// <summary>
/// The order a draw puts the pre-queued fans in: fan g (numbered shard by shard, in join order,
/// 0 to N-1) gets rank π(g), where π is a permutation of 0..N-1 keyed by the draw's seed: a
/// 10-round Feistel network over the smallest even number of bits that covers N, walked again
/// while it lands at or past N ("cycle walking"). Any frontend computes any fan's rank from the
/// seed and the per-shard counts alone, in constant time and memory, so nobody stores a
/// permutation and the draw costs the same for 100 fans or 10 million (docs/waiting-room.md).
/// </summary>
public sealed class PreQueueOrder
{
    private const int Rounds = 10;

    private readonly PreQueueDraw _draw;
    private readonly long[] _offset;
    private readonly ulong[] _keys = new ulong[Rounds];
    private readonly int _halfBits;
    private readonly ulong _halfMask;

    public PreQueueOrder(PreQueueDraw draw)
    {
        _draw = draw;
        _offset = new long[draw.To.Length + 1];
        for (var s = 0; s < draw.To.Length; s++) _offset[s + 1] = _offset[s] + Math.Max(0, draw.To[s] - draw.From[s]);
        Total = _offset[^1];
        // Round keys from the seed, so the seed alone (32 random bytes) decides the order.
        var material = SHA256.HashData([.. "pre-queue order"u8, .. draw.Seed]);
        var more = SHA256.HashData(material);
        var bytes = material.Concat(more).Concat(SHA256.HashData(more)).ToArray();
        for (var i = 0; i < Rounds; i++) _keys[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        var bits = Total <= 1 ? 2 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(Total - 1));
        _halfBits = Math.Max(1, (bits + 1) / 2);
        _halfMask = (1UL << _halfBits) - 1;
    }

    public PreQueueDraw Draw => _draw;

    /// <summary>How many fans the draw ordered.</summary>
    public long Total { get; }

    /// <summary>Whether this place joined before the on-sale time (and so was drawn).</summary>
    public bool Contains(QueuePlace place) =>
        place.Shard < _draw.To.Length && place.Index >= _draw.From[place.Shard] && place.Index < _draw.To[place.Shard];

    /// <summary>The drawn rank (0 = first) of a place that <see cref="Contains"/>.</summary>
    public long RankOf(QueuePlace place) => Permute(_offset[place.Shard] + place.Index - _draw.From[place.Shard]);

    /// <summary>π(g) for 0 &lt;= g &lt; <see cref="Total"/>: a bijection of 0..Total-1.</summary>
    public long Permute(long g)
    {
        if (g < 0 || g >= Total) throw new ArgumentOutOfRangeException(nameof(g));
        if (Total == 1) return 0;
        // The network permutes 0..4^h-1 (less than 4N); walking on until a value below N comes up
        // keeps it a permutation of 0..N-1, and takes under 4 steps on average.
        var x = (ulong)g;
        do x = Feistel(x); while (x >= (ulong)Total);
        return (long)x;
    }

    private ulong Feistel(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _halfMask;
        for (var i = 0; i < Rounds; i++)
        {
            (left, right) = (right, left ^ (Mix(right ^ _keys[i]) & _halfMask));
        }
        return (left << _halfBits) | right;
    }

    /// <summary>SplitMix64's finalizer: every input bit moves about half the output bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
