using System.Diagnostics;
using HdrHistogram;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Bench.Search;
using TicketMaster.SearchProjector;
using TicketMaster.Hosting.Seeding;

// Search latency of the in-process Lucene replica over a generated catalog, next to a linear scan.
// Then the same mix under concurrent load for a fixed time: in-process, and over HTTP through the real search endpoint.
// Usage: dotnet run -c Release --project bench/SearchBench -- [--events N] [--quick] [--workers N] [--seconds N]
var quick = args.Contains("--quick");
var events = ArgValue(args, "--events") ?? (quick ? 100_000 : 1_000_000);
var measured = quick ? 1_000 : 4_000;
var sampleSize = Math.Min(events, quick ? 20_000 : 100_000);
var baselineQueries = quick ? 100 : 200;
var workers = ArgValue(args, "--workers") ?? 4;
var loadTime = TimeSpan.FromSeconds(ArgValue(args, "--seconds") ?? (quick ? 5 : 20));
var command = "dotnet run -c Release --project bench/SearchBench -- " + string.Join(' ', args);

var now = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
var time = new FakeTimeProvider(now);
Console.WriteLine($"Generating {events:N0} events...");
var clock = Stopwatch.StartNew();
var catalog = CatalogGenerator.Generate(events, seed: 2027, now);
var documents = catalog.ToSearchDocuments().ToList();
var generateTime = clock.Elapsed;

Console.WriteLine("Indexing...");
clock.Restart();
using var index = new LuceneSearchIndex(time);
foreach (var document in documents) index.Apply(document);
index.Refresh();
var indexTime = clock.Elapsed;
var managedMb = GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024;
var workingSetMb = Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024;
Console.WriteLine($"Indexed {index.Count:N0} in {indexTime.TotalSeconds:0.0} s; managed heap {managedMb:N0} MB, working set {workingSetMb:N0} MB");

var mix = QueryMix.Make(documents, now, measured, seed: 7);
foreach (var warmUp in mix.Take(300)) index.Search(warmUp.Query);
var lucene = new LatencyRecorder();
foreach (var (kind, query) in mix)
{
    var start = Stopwatch.GetTimestamp();
    var results = index.Search(query);
    lucene.Record(kind, start, results.Total);
}
Console.WriteLine(LatencyRecorder.Row("Lucene, all", lucene.All));

Console.WriteLine($"Load: {workers} workers for {loadTime.TotalSeconds:0} s, in-process then over HTTP...");
await LoadDriver.Run(mix, workers, TimeSpan.FromSeconds(2), q => Task.FromResult(index.Search(q.Query) is not null));
var inProcessLoad = await LoadDriver.Run(mix, workers, loadTime, q => Task.FromResult(index.Search(q.Query) is not null));
LoadResult httpLoad;
var sameOverHttp = 0;
var checkedOverHttp = 0;
await using (var host = await HttpSearchHost.Start(index))
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = host.Address };
    var urls = mix.Select(q => SearchUrl.For(q.Query)).ToList();
    // The endpoint must answer what the index answers, or the throughput means nothing.
    foreach (var (query, url) in mix.Zip(urls).Take(50))
    {
        using var answer = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(url));
        checkedOverHttp++;
        if (answer.RootElement.GetProperty("total").GetInt32() == index.Search(query.Query).Total) sameOverHttp++;
    }
    await LoadDriver.Run(urls, workers, TimeSpan.FromSeconds(2), Get);
    httpLoad = await LoadDriver.Run(urls, workers, loadTime, Get);

    async Task<bool> Get(string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        return response.IsSuccessStatusCode;
    }
}
Console.WriteLine($"in-process {inProcessLoad.PerSecond:N0}/s, HTTP {httpLoad.PerSecond:N0}/s ({httpLoad.Failures} failed; totals equal over HTTP {sameOverHttp}/{checkedOverHttp})");

Console.WriteLine($"Baseline: linear scan vs Lucene over the first {sampleSize:N0} events...");
var sample = documents.Take(sampleSize).ToList();
var brute = new BruteForceSearch(sample, time);
using var sampleIndex = new LuceneSearchIndex(time);
foreach (var document in sample) sampleIndex.Apply(document);
sampleIndex.Refresh();
var sampleMix = QueryMix.Make(sample, now, baselineQueries, seed: 8);
foreach (var warmUp in sampleMix.Take(20))
{
    sampleIndex.Search(warmUp.Query);
    brute.Search(warmUp.Query);
}
var sampleLucene = new LatencyRecorder();
var scan = new LatencyRecorder();
var sameTotals = 0;
var filterQueries = 0;
var sameFilterTotals = 0;
foreach (var (kind, query) in sampleMix)
{
    var start = Stopwatch.GetTimestamp();
    var fromIndex = sampleIndex.Search(query);
    sampleLucene.Record(kind, start, fromIndex.Total);
    start = Stopwatch.GetTimestamp();
    var fromScan = brute.Search(query);
    scan.Record(kind, start, fromScan.Total);
    if (fromIndex.Total == fromScan.Total) sameTotals++;
    if (!query.HasText)
    {
        filterQueries++;
        if (fromIndex.Total == fromScan.Total) sameFilterTotals++;
    }
}
Console.WriteLine(LatencyRecorder.Row("Lucene, sample", sampleLucene.All));
Console.WriteLine(LatencyRecorder.Row("Scan, sample", scan.All));

var report = new StringBuilder();
report.AppendLine("## Search");
report.AppendLine();
report.AppendLine($"`{command.TrimEnd()}` on {DateTime.UtcNow:yyyy-MM-dd}; machine: {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}), shared with other builds at the time, so treat the tails as upper bounds.");
report.AppendLine();
report.AppendLine("In-process: one `LuceneSearchIndex` (RAMDirectory, near-real-time reader) as each web frontend holds it, queried from one thread; every query also counts the category and city facets over all its matches.");
report.AppendLine();
report.AppendLine("| catalog | events | generate | index | heap after load | working set |");
report.AppendLine("|---|---|---|---|---|---|");
report.AppendLine($"| `CatalogGenerator` seed 2027 | {events:N0} | {generateTime.TotalSeconds:0.0} s | {indexTime.TotalSeconds:0.0} s ({events / Math.Max(0.001, indexTime.TotalSeconds):N0} docs/s) | {managedMb:N0} MB | {workingSetMb:N0} MB |");
report.AppendLine();
report.AppendLine($"Latency over {events:N0} events, {measured:N0} queries after 300 warm-up (ms):");
report.AppendLine();
report.AppendLine("| query kind | n | p50 | p90 | p99 | max |");
report.AppendLine("|---|---|---|---|---|---|");
foreach (var (kind, histogram) in lucene.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
{
    report.AppendLine(LatencyRecorder.Row(kind, histogram));
}
report.AppendLine(LatencyRecorder.Row("**all**", lucene.All));
report.AppendLine();
report.AppendLine($"Throughput, same run and index: the query mix in a loop from {workers} concurrent workers for {loadTime.TotalSeconds:0} s each (after 2 s of warm-up), first calling `Search` in-process, then as `GET /api/v1/search` through the real endpoint (`MapSearchApi`, the frontend's JSON options) on Kestrel over loopback with {workers} keep-alive connections. Client and server share the same 2 cores, so the HTTP figure is a floor for a frontend with its own machine. Latency in ms:");
report.AppendLine();
report.AppendLine("| | requests | requests/s | p50 | p90 | p99 | max | failed |");
report.AppendLine("|---|---|---|---|---|---|---|---|");
report.AppendLine(LoadRow($"in-process, {workers} workers", inProcessLoad));
report.AppendLine(LoadRow($"HTTP, {workers} connections", httpLoad));
report.AppendLine();
report.AppendLine($"The HTTP answers' totals were checked against the index for the first {checkedOverHttp} queries: {sameOverHttp} equal.");
report.AppendLine();
report.AppendLine($"Baseline, same run: a linear scan over the first {sampleSize:N0} events in memory (words pre-split; the same matching, filters, facets, sort, paging) against a Lucene index of the same {sampleSize:N0}, {baselineQueries} queries of the same mix (ms):");
report.AppendLine();
report.AppendLine("| | n | p50 | p90 | p99 | max |");
report.AppendLine("|---|---|---|---|---|---|");
report.AppendLine(LatencyRecorder.Row($"Lucene, {sampleSize:N0} events", sampleLucene.All));
report.AppendLine(LatencyRecorder.Row($"linear scan, {sampleSize:N0} events", scan.All));
var ratio50 = (double)scan.All.GetValueAtPercentile(50) / Math.Max(1, sampleLucene.All.GetValueAtPercentile(50));
var ratio99 = (double)scan.All.GetValueAtPercentile(99) / Math.Max(1, sampleLucene.All.GetValueAtPercentile(99));
report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture,
    $"The scan is {ratio50:0}x slower at p50 and {ratio99:0}x at p99 on {sampleSize:N0} events, and grows linearly with the catalog; Lucene at {events:N0} events answers at p50 {LatencyRecorder.Ms(lucene.All.GetValueAtPercentile(50))} ms."));
report.AppendLine($"Same totals from both: {sameFilterTotals} of {filterQueries} queries without text; {sameTotals} of {sampleMix.Count} overall."
    + (sameTotals < sampleMix.Count ? " Lucene's fuzzy query keeps the 50 best-matching spellings of a word and the scan keeps all, so a typo can match a few more events in the scan." : ""));
Console.WriteLine();
Console.WriteLine(report);

var root = FindRoot();
var path = Path.Combine(root, "docs", "benchmarks.md");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
File.WriteAllText(path, ReplaceSection(File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n", report.ToString()));
Console.WriteLine($"Written to {path}");

static string LoadRow(string label, LoadResult load) => string.Create(CultureInfo.InvariantCulture,
    $"| {label} | {load.Latency.TotalCount:N0} | {load.PerSecond:N0} | {LatencyRecorder.Ms(load.Latency.GetValueAtPercentile(50))} | {LatencyRecorder.Ms(load.Latency.GetValueAtPercentile(90))} | {LatencyRecorder.Ms(load.Latency.GetValueAtPercentile(99))} | {LatencyRecorder.Ms(load.Latency.GetMaxValue())} | {load.Failures} |");

static int? ArgValue(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}

static string FindRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "TicketMaster.sln"))) return folder.FullName;
    }
    return Directory.GetCurrentDirectory();
}

// Other sections of the file belong to other benchmarks: only "## Search" is replaced.
static string ReplaceSection(string document, string section)
{
    var lines = document.Replace("\r\n", "\n").Split('\n').ToList();
    var start = lines.FindIndex(l => l.TrimEnd() == "## Search");
    if (start < 0) return document.TrimEnd() + "\n\n" + section;
    var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
    var before = string.Join('\n', lines.Take(start)).TrimEnd();
    var after = end < 0 ? "" : "\n" + string.Join('\n', lines.Skip(end));
    return before + "\n\n" + section + after;
}
