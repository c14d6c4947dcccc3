using System.Diagnostics;
using HdrHistogram;

namespace TicketMaster.Bench.Search;

/// <summary>Latencies in microseconds, per kind of query and overall.</summary>
public sealed class LatencyRecorder
{
    private const long HighestMicroseconds = 60_000_000;

    public Dictionary<string, LongHistogram> ByKind { get; } = [];

    public LongHistogram All { get; } = new(HighestMicroseconds, 3);

    public Dictionary<string, long> HitsByKind { get; } = [];

    /// <summary>A markdown table: one row per kind, by name, then all.</summary>
    public string Table()
    {
        var table = new System.Text.StringBuilder();
        table.AppendLine("| query kind | n | p50 | p90 | p99 | max |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var (kind, histogram) in ByKind.OrderBy(k => k.Key, StringComparer.Ordinal)) table.AppendLine(Row(kind, histogram));
        table.AppendLine(Row("**all**", All));
        return table.ToString();
    }

    public void Record(string kind, long startTimestamp, int hits)
    {
        var micros = Math.Max(1, (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);
        if (!ByKind.TryGetValue(kind, out var histogram)) ByKind[kind] = histogram = new LongHistogram(HighestMicroseconds, 3);
        histogram.RecordValue(micros);
        All.RecordValue(micros);
        HitsByKind[kind] = HitsByKind.GetValueOrDefault(kind) + hits;
    }

    public static string Ms(long micros) => (micros / 1000.0).ToString(micros < 10_000 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Row(string label, LongHistogram h) =>
        $"| {label} | {h.TotalCount} | {Ms(h.GetValueAtPercentile(50))} | {Ms(h.GetValueAtPercentile(90))} | {Ms(h.GetValueAtPercentile(99))} | {Ms(h.GetMaxValue())} |";
}
