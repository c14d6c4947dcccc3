using System.Diagnostics;
using HdrHistogram;

namespace TicketMaster.Bench.OnSale;

/// <summary>An HdrHistogram of call latencies, safe to record from many tasks.</summary>
public sealed class Latency
{
    private readonly LongHistogram _histogram = new(TimeStamp.Minutes(5), 3);

    public async Task<T> Time<T>(Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        var elapsed = Stopwatch.GetTimestamp() - start;
        lock (_histogram) _histogram.RecordValue(elapsed);
        return result;
    }

    public long Count => _histogram.TotalCount;

    public double Ms(double percentile) =>
        _histogram.TotalCount == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / (double)Stopwatch.Frequency * 1000;

    public string Summary => $"p50 {Ms(50):F2} ms, p90 {Ms(90):F2} ms, p99 {Ms(99):F2} ms, max {Ms(100):F2} ms";
}
