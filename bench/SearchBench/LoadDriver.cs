using System.Diagnostics;
using System.Globalization;
using HdrHistogram;

namespace TicketMaster.Bench.Search;

/// <summary>
/// Closed-loop load: a fixed number of workers, each sending its next query as soon as the last one
/// answered, for a fixed time. Every worker records into its own histogram (they are not thread-safe).
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> Run<T>(IReadOnlyList<T> queries, int workers, TimeSpan duration, Func<T, Task<bool>> send)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var histogram = new LongHistogram(60_000_000, 3);
            var failures = 0;
            while (clock.Elapsed < duration)
            {
                var query = queries[(int)((uint)Interlocked.Increment(ref next) % (uint)queries.Count)];
                var start = Stopwatch.GetTimestamp();
                var ok = await send(query);
                histogram.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds));
                if (!ok) failures++;
            }
            return (histogram, failures);
        })).ToList();
        var done = await Task.WhenAll(runs);
        var elapsed = clock.Elapsed;
        var all = new LongHistogram(60_000_000, 3);
        foreach (var (histogram, _) in done) all.Add(histogram);
        return new LoadResult(all, done.Sum(d => d.failures), elapsed);
    }
}

public sealed record LoadResult(LongHistogram Latency, int Failures, TimeSpan Elapsed)
{
    public double PerSecond => Latency.TotalCount / Elapsed.TotalSeconds;

    /// <summary>A row of the report's load table.</summary>
    public string Row(string label, string cacheHits) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Latency.TotalCount:N0} | {PerSecond:N0} | {LatencyRecorder.Ms(Latency.GetValueAtPercentile(50))} | {LatencyRecorder.Ms(Latency.GetValueAtPercentile(90))} | {LatencyRecorder.Ms(Latency.GetValueAtPercentile(99))} | {LatencyRecorder.Ms(Latency.GetMaxValue())} | {Failures} | {cacheHits} |");
}
