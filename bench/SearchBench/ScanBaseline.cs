using System.Diagnostics;
using System.Globalization;
using System.Text;
using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>The older baseline (<c>--scan</c>): a linear scan over the first 100,000 events against a Lucene index of the same.</summary>
public static class ScanBaseline
{
    public static string Run(IReadOnlyList<SearchDocument> documents, TimeProvider time, DateTimeOffset now)
    {
        var sample = documents.Take(100_000).ToList();
        Console.WriteLine($"Baseline: linear scan vs Lucene over the first {sample.Count:N0} events...");
        var brute = new BruteForceSearch(sample, time);
        using var sampleIndex = new LuceneSearchIndex(time);
        foreach (var document in sample) sampleIndex.Apply(document);
        sampleIndex.Refresh();
        var sampleMix = QueryMix.Make(sample, now, 200, seed: 8);
        foreach (var warmUp in sampleMix.Take(20))
        {
            sampleIndex.Search(warmUp.Query);
            brute.Search(warmUp.Query);
        }
        var lucene = new LatencyRecorder();
        var scan = new LatencyRecorder();
        var sameTotals = 0;
        foreach (var (kind, query) in sampleMix)
        {
            var start = Stopwatch.GetTimestamp();
            var fromIndex = sampleIndex.Search(query);
            lucene.Record(kind, start, fromIndex.Total);
            start = Stopwatch.GetTimestamp();
            var fromScan = brute.Search(query);
            scan.Record(kind, start, fromScan.Total);
            if (fromIndex.Total == fromScan.Total) sameTotals++;
        }
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Linear scan baseline (`--scan`): the first {sample.Count:N0} events in memory (words pre-split; the same matching, filters, facets, sort, paging) against a Lucene index of the same, {sampleMix.Count} queries of the mix (seed 8); same totals {sameTotals} of {sampleMix.Count} (ms):");
        report.AppendLine();
        report.AppendLine("| | n | p50 | p90 | p99 | max |");
        report.AppendLine("|---|---|---|---|---|---|");
        report.AppendLine(LatencyRecorder.Row($"Lucene, {sample.Count:N0} events", lucene.All));
        report.AppendLine(LatencyRecorder.Row($"linear scan, {sample.Count:N0} events", scan.All));
        return report.ToString();
    }
}
