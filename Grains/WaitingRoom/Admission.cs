using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// Who goes in next, across shards (docs/waiting-room.md, "Fairness"): closed join-time buckets in
/// order, a bucket entirely before the next one is started; within a bucket each shard in join
/// order, and a bucket the budget only partly covers is shared in proportion to each shard's fans
/// still waiting in it.
/// </summary>
public static class Admission
{
    /// <summary>The watermarks after admitting up to <paramref name="budget"/> fans; a new array, <paramref name="admitted"/> is not changed.</summary>
    public static long[] Admit(IEnumerable<BucketRow> rows, long[] admitted, long budget)
    {
        var next = admitted.ToArray();
        foreach (var row in rows)
        {
            if (budget <= 0) break;
            var need = new long[next.Length];
            long total = 0;
            for (var s = 0; s < next.Length; s++) total += need[s] = Math.Max(0, row.End[s] - next[s]);
            if (total == 0) continue;
            if (total <= budget)
            {
                for (var s = 0; s < next.Length; s++) next[s] += need[s];
                budget -= total;
                continue;
            }
            Share(next, need, total, budget);
            break;
        }
        return next;
    }

    /// <summary>Largest remainder: each shard gets its proportional share, the rest one each by the largest fractions.</summary>
    private static void Share(long[] next, long[] need, long total, long budget)
    {
        var given = 0L;
        var fractions = new (double Fraction, int Shard)[next.Length];
        for (var s = 0; s < next.Length; s++)
        {
            var exact = (double)budget * need[s] / total;
            var share = Math.Min(need[s], (long)Math.Floor(exact));
            next[s] += share;
            need[s] -= share;
            given += share;
            fractions[s] = (exact - share, s);
        }
        foreach (var (_, s) in fractions.OrderByDescending(f => f.Fraction).ThenBy(f => f.Shard))
        {
            if (given >= budget) break;
            if (need[s] == 0) continue;
            next[s]++;
            given++;
        }
    }

    /// <summary>Fans in closed buckets not yet admitted.</summary>
    public static long Waiting(long[] closedEnd, long[] admitted)
    {
        long waiting = 0;
        for (var s = 0; s < admitted.Length; s++) waiting += Math.Max(0, closedEnd[s] - admitted[s]);
        return waiting;
    }

    public static bool IsThrough(BucketRow row, long[] admitted)
    {
        for (var s = 0; s < admitted.Length; s++)
        {
            if (row.End[s] > admitted[s]) return false;
        }
        return true;
    }

    /// <summary>
    /// The rows of the buckets in (<paramref name="after"/>, <paramref name="closedBefore"/>) from every
    /// shard's answer, one row per bucket in which any shard had joins; <paramref name="ends"/> is
    /// every shard's count before them.
    /// </summary>
    public static List<BucketRow> Rows(IReadOnlyList<ShardJoins> shards, long after, long closedBefore, long[] ends)
    {
        var buckets = shards.SelectMany(s => s.Buckets).Where(b => b > after && b < closedBefore).Distinct().Order();
        var end = ends.ToArray();
        var next = new int[shards.Count];
        var rows = new List<BucketRow>();
        foreach (var bucket in buckets)
        {
            for (var s = 0; s < shards.Count; s++)
            {
                var joins = shards[s];
                while (next[s] < joins.Buckets.Length && joins.Buckets[next[s]] <= bucket)
                {
                    if (joins.Buckets[next[s]] > after) end[s] = joins.Ends[next[s]];
                    next[s]++;
                }
            }
            rows.Add(new BucketRow(bucket, end.ToArray()));
        }
        return rows;
    }
}
