using System.Diagnostics;
using System.Globalization;
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
        Record(start);
        return result;
    }

    public void Record(long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        lock (_histogram) _histogram.RecordValue(elapsed);
    }

    public long Count => _histogram.TotalCount;

    public double Ms(double percentile)
    {
        lock (_histogram)
        {
            if (_histogram.TotalCount == 0) return 0;
            var ticks = percentile >= 100 ? _histogram.GetMaxValue() : _histogram.GetValueAtPercentile(percentile);
            return ticks / (double)Stopwatch.Frequency * 1000;
        }
    }

    public static string Format(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    public string Summary => $"p50 {Format(Ms(50))}, p90 {Format(Ms(90))}, p99 {Format(Ms(99))}, max {Format(Ms(100))} ms";
}
