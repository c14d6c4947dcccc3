namespace TicketMaster.Bench.Search;

/// <summary>
/// Traffic that repeats its popular searches: <c>distinct</c> queries of the ordinary mix, shuffled into
/// a popularity order, drawn with probability proportional to 1 / rank^exponent (a Zipf curve; exponent
/// 1 is the classic one, where the top 1% of 10,000 queries draw about half of the traffic).
/// </summary>
public static class ZipfMix
{
    public static List<BenchQuery> Draw(IReadOnlyList<BenchQuery> distinct, double exponent, int draws, int seed)
    {
        var random = new Random(seed);
        var ranked = distinct.ToArray();
        random.Shuffle(ranked);
        var cumulative = new double[ranked.Length];
        var sum = 0.0;
        for (var rank = 0; rank < ranked.Length; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        var drawn = new List<BenchQuery>(draws);
        for (var i = 0; i < draws; i++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            drawn.Add(ranked[Math.Min(at < 0 ? ~at : at, ranked.Length - 1)]);
        }
        return drawn;
    }

    /// <summary>The share of draws that go to the <paramref name="top"/> most popular queries.</summary>
    public static double TopShare(int distinct, double exponent, int top)
    {
        double all = 0, head = 0;
        for (var rank = 1; rank <= distinct; rank++)
        {
            var weight = 1 / Math.Pow(rank, exponent);
            all += weight;
            if (rank <= top) head += weight;
        }
        return head / all;
    }
}
