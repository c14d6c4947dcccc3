using System.Security.Cryptography;
using System.Text;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// The pre-queue's drawn order as a plain function, with fixed seeds: a permutation, the same for
/// the same draw, and independent of when a fan joined or which shard took them.
/// </summary>
public sealed class PreQueueOrderTests
{
    private const int Shards = 8;

    private static byte[] Seed(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// <paramref name="fans"/> fans joining one after another, each in its user's shard as the
    /// room does it: join order, place, and the draw of all of them at the on-sale time.
    /// </summary>
    private static (QueuePlace[] JoinOrder, PreQueueOrder Order) Joined(int fans, byte[] seed)
    {
        var next = new long[Shards];
        var places = new QueuePlace[fans];
        var start = DateTimeOffset.UnixEpoch.AddYears(56);
        for (var i = 0; i < fans; i++)
        {
            var shard = QueueShards.ShardOf($"fan-{i}", Shards);
            places[i] = new QueuePlace(shard, next[shard]++, start.AddMilliseconds(i * 37));
        }
        var onSaleAt = start.AddHours(1);
        return (places, new PreQueueOrder(new PreQueueDraw(onSaleAt, onSaleAt, seed, new long[Shards], next)));
    }

    /// <summary>Spearman's rank correlation of two rankings of the same items (no ties).</summary>
    private static double RankCorrelation(long[] a, long[] b)
    {
        double n = a.Length, sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Pow(a[i] - b[i], 2);
        return 1 - 6 * sum / (n * (n * n - 1));
    }

    [Fact]
    public void The_draw_is_a_permutation_of_the_pre_queued_fans_and_the_same_seed_gives_the_same_order()
    {
        foreach (var fans in new[] { 1, 2, 3, 7, 64, 1000, 4099 })
        {
            var (places, order) = Joined(fans, Seed("permutation"));
            var ranks = places.Select(order.RankOf).ToArray();

            Assert.Equal(fans, order.Total);
            Assert.Equal(Enumerable.Range(0, fans).Select(r => (long)r), ranks.Order());
            Assert.Equal(ranks, places.Select(new PreQueueOrder(order.Draw with { Seed = Seed("permutation") }).RankOf));
        }
        var (all, first) = Joined(1000, Seed("one seed"));
        var (_, second) = Joined(1000, Seed("another seed"));
        Assert.NotEqual(all.Select(first.RankOf), all.Select(second.RankOf));
    }

    [Fact]
    public void The_admission_order_of_pre_queued_fans_is_independent_of_their_join_order()
    {
        // 5,000 fans: a random order's rank correlation with join order has a standard deviation
        // of 1/sqrt(4,999) = 0.014, the mean rank of a tenth of them one of 65.
        const int fans = 5000;
        var (places, order) = Joined(fans, Seed("independence"));
        var ranks = places.Select(order.RankOf).ToArray();

        var correlation = RankCorrelation(Enumerable.Range(0, fans).Select(i => (long)i).ToArray(), ranks);
        Assert.InRange(correlation, -0.05, 0.05);

        // No first-joiner advantage: the first and the last tenth to join are placed like anyone.
        var middle = (fans - 1) / 2.0;
        Assert.InRange(ranks.Take(fans / 10).Average(), middle - 260, middle + 260);
        Assert.InRange(ranks.TakeLast(fans / 10).Average(), middle - 260, middle + 260);
        // Expected 50 of the first 500 joiners among the first 500 admitted (binomial-like, sd about 6.7).
        Assert.InRange(ranks.Take(fans / 10).Count(r => r < fans / 10), 25, 75);

        // No shard advantage either: each shard's fans spread over the whole order.
        foreach (var shard in places.Select((p, i) => (p.Shard, Rank: ranks[i])).GroupBy(p => p.Shard))
        {
            Assert.InRange(shard.Average(p => p.Rank), middle - 4 * fans / Math.Sqrt(12 * shard.Count()), middle + 4 * fans / Math.Sqrt(12 * shard.Count()));
        }
    }

    [Fact]
    public void Over_many_draws_the_first_fan_to_join_is_first_no_more_often_than_anyone_else()
    {
        // 2,000 draws of 10 fans: every fan should be first in about 200 (sd 13.4).
        const int fans = 10, draws = 2000;
        var firsts = new int[fans];
        var lastOfFirst = 0;
        for (var d = 0; d < draws; d++)
        {
            var (places, order) = Joined(fans, Seed($"draw {d}"));
            firsts[Array.FindIndex(places, p => order.RankOf(p) == 0)]++;
            if (order.RankOf(places[0]) == fans - 1) lastOfFirst++;
        }

        Assert.All(firsts, count => Assert.InRange(count, 140, 260));
        Assert.InRange(lastOfFirst, 140, 260);
    }
}
