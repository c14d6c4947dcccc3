using HdrHistogram;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TicketMaster.Bench.Search;
using TicketMaster.Search;
using TicketMaster.SearchProjector;
using TicketMaster.SearchProjector.Http;
using TicketMaster.Silo.Tests;

// Search over a generated catalog: the index's memory, the latency of every kind of query without the request cache,
// then throughput for a fixed time from concurrent workers, in-process and over HTTP through the real endpoint with the
// request cache in front (a uniform mix and a Zipf mix), then PostgreSQL full text on the same catalog, side by side.
// Usage: dotnet run -c Release --project bench/SearchBench -- [flags]; --help lists them (SearchBenchOptions).
var parsed = SearchBenchOptions.Command().Parse(args);
// A mistyped flag would otherwise run the whole benchmark and overwrite docs/benchmarks-search.md; --help prints the flags.
if (parsed.Errors.Count > 0 || parsed.Action is not null) return await parsed.InvokeAsync();
var options = SearchBenchOptions.From(parsed);
var quick = options.Quick;
var events = options.Events;
var measured = quick ? 1_000 : 4_000;
var workers = options.Workers;
var connections = options.Connections;
var httpThreads = options.WrkThreads;
var changesPerSecond = options.ChangesPerSecond;
var loadTime = options.LoadTime;
var zipfQueries = options.ZipfQueries;
var zipfExponent = options.ZipfExponent;
var cacheBytes = options.CacheBytes;
var pgClients = options.PgClients;
var pgTime = options.PgTime;
var postgres = options.Postgres;
var scanBaseline = options.Scan;
// The index's folder is this machine's business, not part of the command to rerun.
var command = "dotnet run -c Release --project bench/SearchBench -- " + string.Join(' ', args.Select((a, i) => i > 0 && args[i - 1] == "--index-path" ? "DIR" : a));

var now = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
var time = new FakeTimeProvider(now);
var clock = Stopwatch.StartNew();
// --index-path keeps the index between runs: documents already there at their version are skipped, so a rerun over the
// same catalog starts searching in seconds instead of re-indexing. The run searches a copy: its catalog changes must not
// reach the next run.
var keepIndex = options.IndexPath;
var indexPath = Path.Combine(Path.GetTempPath(), "searchbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(indexPath);
if (keepIndex is not null && Directory.Exists(keepIndex)) IndexFolder.Copy(keepIndex, indexPath);
// The frontend's refresh interval: a reader lives through the writes of a second (the phase with catalog changes).
var refreshInterval = options.RefreshInterval ?? new SearchOptions().RefreshInterval;
using var index = new LuceneSearchIndex(time, indexPath, refreshInterval, matchCacheBytes: options.MatchCacheBytes);
// The searches are measured in a process that holds what a frontend holds, not a million generated documents besides
// (their collections would land in the tails); the catalog is generated again where PostgreSQL needs it.
var loaded = LoadedCatalog.Load(index, events, now, measured, zipfQueries, scanBaseline, time);
var (generateTime, indexTime, indexed, mix, distinct, likeForLikeSets, scanRows, changing, withDocuments) = loaded;
if (keepIndex is not null && indexed > 0)
{
    if (Directory.Exists(keepIndex)) Directory.Delete(keepIndex, recursive: true);
    Directory.CreateDirectory(keepIndex);
    IndexFolder.Copy(indexPath, keepIndex);
}
index.Refresh();
var indexBytes = new DirectoryInfo(indexPath).EnumerateFiles().Sum(f => f.Length);

JitWarmUp.Run(time, now, TimeSpan.FromSeconds(quick ? 2 : 5));
// Builds what the measured index builds once per segment (its columns and frequent words' sets at refresh, its word
// lists at the first fuzzy search) with a word the mix never types, so the pass below is the first sight of its words.
index.Search(new SearchQuery { Text = "warmupword" });
var after = Memory.Now();
Console.WriteLine($"Indexed {index.Count:N0} in {indexTime.TotalSeconds:0.0} s; index files {indexBytes / 1048576:N0} MB; with the generated documents {withDocuments}; without them {after}");

var pauses = GC.GetTotalPauseDuration();
var collections = GcCounts.Now();
var lucene = new LatencyRecorder();
var slowest = new List<(double Ms, string Kind, SearchQuery Query, int Total)>();
foreach (var (kind, query) in mix)
{
    var start = Stopwatch.GetTimestamp();
    var results = index.Search(query);
    lucene.Record(kind, start, results.Total);
    slowest.Add((Stopwatch.GetElapsedTime(start).TotalMilliseconds, kind, query, results.Total));
}
if (options.Slowest is { } slowCount)
{
    foreach (var (ms, kind, query, total) in slowest.OrderByDescending(s => s.Ms).Take(slowCount))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,8:0.00} ms {kind,-24} total {total,8:N0}  text='{query.Text}' city={query.City} category={query.Category} performer={query.Performer} from={query.From:yyyy-MM-dd} to={query.To:yyyy-MM-dd} page={query.Page}"));
    }
}
var firstPassPauses = GC.GetTotalPauseDuration() - pauses;
Console.WriteLine(LatencyRecorder.Row("Lucene uncached, all", lucene.All) + $" GC pauses {firstPassPauses.TotalMilliseconds:0} ms, collections by generation {GcCounts.Since(collections)}");
foreach (var (kind, histogram) in lucene.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal)) Console.WriteLine(LatencyRecorder.Row(kind, histogram));
// The same queries again: their words' and keywords' matches are now in the match cache (as far as it holds them),
// as they are for the searches a peak repeats; the pass above is the first time each word is seen.
pauses = GC.GetTotalPauseDuration();
collections = GcCounts.Now();
var seen = new LatencyRecorder();
foreach (var (kind, query) in mix)
{
    var start = Stopwatch.GetTimestamp();
    seen.Record(kind, start, index.Search(query).Total);
}
var secondPassPauses = GC.GetTotalPauseDuration() - pauses;
Console.WriteLine(LatencyRecorder.Row("Lucene uncached, seen before, all", seen.All) + $" match cache {index.MatchCacheBytes / 1048576} MB, segment data {index.Caches.SegmentBytes / 1048576.0:0.0} MB, word alternatives {index.Caches.ExpansionBytes / 1048576.0:0.0} MB, GC pauses {secondPassPauses.TotalMilliseconds:0} ms, collections by generation {GcCounts.Since(collections)}");
foreach (var (kind, histogram) in seen.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal)) Console.WriteLine(LatencyRecorder.Row(kind, histogram));
if (options.LatencyOnly) return 0;

using var meter = new Meter("searchbench");
using var counters = new CacheCounters(meter);
// The index's clock: answers without "from" then last until their first match starts, as in production, where both read the system clock.
var cache = new SearchRequestCache(index, index, new RequestCacheOptions { MaxBytes = cacheBytes }, time, meter, r => SearchApi.Answer(r, FrontendJson.Options));
var zipfDraws = ZipfMix.Draw(distinct, zipfExponent, 200_000, seed: 10);
// At the peak's rate the cache fills within seconds; on this machine that would take the whole run, so the first
// draws warm it before anything is measured, and the measured phases continue the same stream of draws.
var warmDraws = options.ZipfWarm;
Console.WriteLine($"Warming the request cache with the first {warmDraws:N0} Zipf draws...");
clock.Restart();
await Parallel.ForEachAsync(zipfDraws.Take(warmDraws), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (q, ct) => await cache.AnswerAsync(q.Query, ct));
var warmTime = clock.Elapsed;
var (warmHits, warmMisses) = counters.Take();
// Disjoint slices of the stream, so no phase replays draws an earlier one has just cached.
var zipf = zipfDraws.Skip(warmDraws).ToList();
var zipfInProcess = zipf.Take(zipf.Count / 2).ToList();
var zipfHttp = zipf.Skip(zipf.Count / 2).ToList();
Console.WriteLine($"Warmed in {warmTime.TotalSeconds:0} s: {warmMisses:N0} misses, {warmHits:N0} hits; {cache.Answers:N0} answers, {cache.Bytes / 1048576.0:N1} MB");

Console.WriteLine($"Load: {workers} workers in-process, {connections} connections over HTTP, {loadTime.TotalSeconds:0} s each...");
var loads = new List<string>();
string HitRatio(bool cached)
{
    var (hits, misses) = counters.Take();
    return cached ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * hits / Math.Max(1, hits + misses):0.0}%") : "off";
}
async Task Measure<T>(string label, IReadOnlyList<T> queries, int clients, Func<T, Task<bool>> send, bool cached)
{
    await LoadDriver.Run(queries, clients, TimeSpan.FromSeconds(2), send);
    counters.Take();
    var load = await LoadDriver.Run(queries, clients, loadTime, send);
    var ratio = HitRatio(cached);
    loads.Add(load.Row(label, ratio));
    Console.WriteLine($"{label}: {load.PerSecond:N0}/s, p99 {LatencyRecorder.Ms(load.Latency.GetValueAtPercentile(99))} ms, cache hits {ratio}");
}
await Measure($"in-process, uniform mix, no cache, {workers} workers", mix, workers, q => Task.FromResult(index.Search(q.Query) is not null), cached: false);
await Measure($"in-process, uniform mix, cache, {workers} workers", mix, workers, async q => (await cache.AnswerAsync(q.Query)).Length > 0, cached: true);
await Measure($"in-process, Zipf mix, cache, {workers} workers", zipfInProcess, workers, async q => (await cache.AnswerAsync(q.Query)).Length > 0, cached: true);

// The Zipf mix one at a time through the warm cache: what a user of each kind waits for.
var cached = new LatencyRecorder();
foreach (var (kind, query) in zipf.Skip(zipf.Count - 10_000))
{
    var start = Stopwatch.GetTimestamp();
    var answer = await cache.AnswerAsync(query);
    cached.Record(kind, start, answer.Length);
}

var sameOverHttp = 0;
var checkedOverHttp = 0;
var changesApplied = 0;
var generations = 0L;
var answersBeforeChanges = 0;
var bytesBeforeChanges = 0L;
await using (var host = await HttpSearchHost.Start(cache))
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = host.Address };
    // The endpoint must answer what the index answers, or the throughput means nothing.
    foreach (var query in mix.Take(50))
    {
        using var answer = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(SearchUrl.For(query.Query)));
        checkedOverHttp++;
        if (answer.RootElement.GetProperty("total").GetInt32() == index.Search(query.Query).Total) sameOverHttp++;
    }
    var zipfPaths = zipfHttp.Select(q => SearchUrl.For(q.Query)).ToList();
    var uniformPaths = mix.Select(q => SearchUrl.For(q.Query)).ToList();
    if (WrkLoad.Executable is not null)
    {
        foreach (var (mixName, paths) in new[] { ("Zipf", zipfPaths), ("uniform", uniformPaths) })
        {
            var label = $"HTTP from wrk, {mixName} mix, cache, {connections} connections";
            await WrkLoad.Run(host.Address, paths, connections, httpThreads, TimeSpan.FromSeconds(2));
            counters.Take();
            var load = await WrkLoad.Run(host.Address, paths, connections, httpThreads, loadTime);
            var ratio = HitRatio(cached: true);
            loads.Add(load.Row(label, ratio));
            Console.WriteLine($"{label}: {load.PerSecond:N0}/s, p99 {LatencyRecorder.Ms(load.P99)} ms, cache hits {ratio}");
        }
    }
    else
    {
        Console.WriteLine("wrk is not installed (apt-get install wrk): HTTP load from the in-bench HttpClient only.");
    }
    await Measure($"HTTP from HttpClient, Zipf mix, cache, {connections} connections", zipfPaths, connections, Get, cached: true);
    await Measure($"HTTP from HttpClient, uniform mix, cache, {connections} connections", uniformPaths, connections, Get, cached: true);
    answersBeforeChanges = cache.Answers;
    bytesBeforeChanges = cache.Bytes;
    if (WrkLoad.Executable is not null && changesPerSecond > 0)
    {
        // Last: the changes leave new segments and deletes behind.
        var label = $"HTTP from wrk, Zipf mix, cache, {connections} connections, {changesPerSecond} catalog changes/s";
        using var stop = new CancellationTokenSource();
        var changes = new CatalogChanges(index, time, changing, changesPerSecond);
        var writing = changes.Run(stop.Token);
        await WrkLoad.Run(host.Address, zipfPaths, connections, httpThreads, TimeSpan.FromSeconds(2));
        counters.Take();
        var load = await WrkLoad.Run(host.Address, zipfPaths, connections, httpThreads, loadTime);
        var ratio = HitRatio(cached: true);
        await stop.CancelAsync();
        await writing;
        changesApplied = changes.Applied;
        generations = changes.Generations;
        loads.Add(load.Row(label, ratio));
        Console.WriteLine($"{label}: {load.PerSecond:N0}/s, p99 {LatencyRecorder.Ms(load.P99)} ms, cache hits {ratio}; {changesApplied:N0} changes, generation moved {generations} times");
    }

    async Task<bool> Get(string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        return response.IsSuccessStatusCode;
    }
}

// What a frontend holds after the peak: the index, its columns and versions, the match and request caches, the runtime.
var alone = Memory.Now();
Console.WriteLine($"After the searches: {alone}");

var likeForLike = new List<(string Set, LoadResult Lucene, LoadResult Postgres, int Same, int Checked)>();
var pgLoadTime = TimeSpan.Zero;
if (postgres)
{
    Console.WriteLine($"PostgreSQL: generating and loading {events:N0} events...");
    await using var server = await PostgresServer.StartAsync();
    await using (var setup = NpgsqlDataSource.Create(server.ConnectionString("postgres")))
    {
        await using var createDb = setup.CreateCommand("CREATE DATABASE search");
        await createDb.ExecuteNonQueryAsync();
    }
    await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString("search") + $";Command Timeout=600;Maximum Pool Size={pgClients + 2}");
    clock.Restart();
    await PostgresSearch.Load(dataSource, events, now);
    pgLoadTime = clock.Elapsed;
    Console.WriteLine($"PostgreSQL loaded and indexed in {pgLoadTime.TotalSeconds:0} s");
    var pg = new PostgresSearch(dataSource, now);
    foreach (var (set, mode, queries) in likeForLikeSets)
    {
        var same = 0;
        var compared = 0;
        foreach (var query in queries.Take(20))
        {
            compared++;
            if (await pg.Search(query, mode) == index.Search(query).Total) same++;
        }
        var fromLucene = await LoadDriver.Run(queries, pgClients, pgTime, q => Task.FromResult(index.Search(q) is not null));
        var fromPostgres = await LoadDriver.Run(queries, pgClients, pgTime, async q => await pg.Search(q, mode) is not null);
        likeForLike.Add((set, fromLucene, fromPostgres, same, compared));
        Console.WriteLine($"{set}: Lucene {fromLucene.PerSecond:N0}/s, PostgreSQL {fromPostgres.PerSecond:N1}/s");
    }
}


var report = new StringBuilder();
report.AppendLine("## Search");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"`{command.TrimEnd()}` on {DateTime.UtcNow:yyyy-MM-dd}; machine: {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}), load average {BenchmarksFile.LoadAverage()} at the end of the run: shared with other sessions' builds and benches, so treat every figure as a floor and the tails as upper bounds.");
report.AppendLine();
report.AppendLine("The index: one `LuceneSearchIndex` as each web frontend holds it, in a memory-mapped folder (`MMapDirectory`), text fields without positions. The query mixes are drawn from the generated documents, which are then dropped: everything below is measured in a process that holds what a frontend holds (PostgreSQL gets the catalog generated again). Memory after a full, compacting collection that returns free memory to the system (`GCCollectionMode.Aggressive`); the working set is what the process has resident: anonymous memory (heap, runtime, code) plus the pages of the mapped index files read so far.");
report.AppendLine();
report.AppendLine("| catalog | events | generate | index | index files | heap, with the documents | heap after loading | working set after loading (anonymous + mapped files) | heap after the searches | working set after the searches |");
report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| `CatalogGenerator` seed 2027 | {events:N0} | {generateTime.TotalSeconds:0.0} s | {(indexed == 0 ? "kept from an earlier run (`--index-path`)" : $"{indexTime.TotalSeconds:0.0} s ({indexed / Math.Max(0.001, indexTime.TotalSeconds):N0} docs/s)")} | {indexBytes / 1048576:N0} MB | {withDocuments.HeapBytes / 1048576:N0} MB | {after.HeapBytes / 1048576:N0} MB | {after.WorkingSetBytes / 1048576:N0} MB ({after.AnonymousBytes / 1048576:N0} + {after.FileBytes / 1048576:N0}) | {alone.HeapBytes / 1048576:N0} MB | {alone.WorkingSetBytes / 1048576:N0} MB ({alone.AnonymousBytes / 1048576:N0} + {alone.FileBytes / 1048576:N0}) |"));
report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"After the searches the process holds the index, its columns and versions, the match cache ({index.MatchCacheBytes / 1048576} MB), the decoded-document cache, the request cache ({cache.Bytes / 1048576.0:N0} MB of answers), Kestrel and the runtime."));
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Latency without the request cache over {events:N0} events, the uniform mix (`QueryMix`, seed 7), {measured:N0} queries, one at a time, the first the index sees (the process's code was warmed on a catalog of its own, `JitWarmUp`); every query counts both facets over all its matches; the collector paused the process for {firstPassPauses.TotalMilliseconds:N0} ms in all during the pass (ms):");
report.AppendLine();
report.Append(lucene.Table());
report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"The same {measured:N0} queries again, one at a time, still without the request cache: each word's and keyword's matches are now in the index's match cache (`Search:MatchCacheBytes`, {index.MatchCacheBytes / 1048576} MB held at the end), as for the searches a peak repeats; the table above is the first time each word was seen; collector pauses {secondPassPauses.TotalMilliseconds:N0} ms (ms):"));
report.AppendLine();
report.Append(seen.Table());
report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"The Zipf mix: {zipfQueries:N0} distinct queries drawn by the same generator (`QueryMix`, seed 9, same kinds in the same proportions), shuffled into a popularity order, requests drawn with probability proportional to 1/rank^{zipfExponent:0.##} (`ZipfMix`, seed 10; the top 100 queries draw {100 * ZipfMix.TopShare(zipfQueries, zipfExponent, 100):0}% of requests, the top 1,000 {100 * ZipfMix.TopShare(zipfQueries, zipfExponent, 1000):0}%). The request cache (`SearchRequestCache`, {cacheBytes / 1048576} MB) sits in front of the index as in the frontend, on the index's clock. Before anything cached is measured, the first {warmDraws:N0} draws warm it ({workers} workers, {warmTime.TotalSeconds:0} s: {warmMisses:N0} misses, {warmHits:N0} hits), as the peak's own traffic would within seconds; the measured phases continue the same stream of draws. The index does not change during the run, so nothing invalidates the cache: in production every refresh (a catalog change) empties it, and the hit rate depends on how often that happens."));
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Throughput for {loadTime.TotalSeconds:0} s each after 2 s of warm-up, closed loop (each worker sends its next query when the last one is answered): in-process calls, then `GET /api/v1/search` through the real endpoint (`MapSearchApi`, the frontend's JSON options) on Kestrel over loopback with {connections} keep-alive connections: from `wrk` ({httpThreads} threads, `WrkLoad`; its own latency percentiles) as a load generator in C, and from an in-bench `HttpClient`, which costs the shared cores several times more per request. Client and server share the 2 cores. Latency in ms:");
report.AppendLine();
report.AppendLine("| | requests | requests/s | p50 | p90 | p99 | max | failed | cache hits |");
report.AppendLine("|---|---|---|---|---|---|---|---|---|");
foreach (var row in loads) report.AppendLine(row);
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"The HTTP answers' totals were checked against the index for the first {checkedOverHttp} queries: {sameOverHttp} equal. Before the phase with catalog changes the cache held {answersBeforeChanges:N0} answers in {bytesBeforeChanges / 1048576.0:N1} MB ({bytesBeforeChanges / Math.Max(1, answersBeforeChanges):N0} bytes each: the JSON sent, its key and the entry).");
if (changesApplied > 0)
{
    report.AppendLine();
    report.AppendLine(CultureInfo.InvariantCulture, $"The last row runs while {changesPerSecond} events a second change availability ({changesApplied:N0} changes applied in all, `CatalogChanges`: new versions of 1 event in 200), the index on a refresh interval of {refreshInterval.TotalSeconds:0} s (`Search:RefreshInterval`; the frontend's default is {new SearchOptions().RefreshInterval.TotalSeconds:0} s): availability alone changed, so the index's generation moved {generations} times and the cached answers stayed, each showing the availability held when it was sent (`AvailabilityTable`).");
}
report.AppendLine();
report.AppendLine("The Zipf mix one query at a time through the warm cache, 10,000 requests (ms):");
report.AppendLine();
report.Append(cached.Table());
if (postgres)
{
    report.AppendLine();
    report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL baseline, same run, same {events:N0} events: a throwaway server ({PostgresServer.BinDirectory}, default settings, `initdb` in a temp folder, free port; the tests' `PostgresServer`), loaded by binary COPY into one unlogged table and indexed in {pgLoadTime.TotalSeconds:0} s (`PostgresSearch`): a stored tsvector ('simple') with GIN for words, pg_trgm GIN on the same text for typos, B-tree/GIN for the filters and the start. Each search is one statement: the matches materialised once, the total, both facets by GROUP BY, and the page of 20 in its order (ts_rank or summed word similarity, then start, then id) joined back for its columns, all returned as JSON. Lucene here is the index alone, no request cache, like PostgreSQL. Both with {pgClients} concurrent clients for {pgTime.TotalSeconds:0} s per set, 200 queries per set (`LikeForLike`, seed 11), same queries for both. Latency in ms:"));
    report.AppendLine();
    report.AppendLine("| query set | Lucene /s | Lucene p50 | Lucene p99 | PostgreSQL /s | PostgreSQL p50 | PostgreSQL p99 | Lucene / PostgreSQL | same totals |");
    report.AppendLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var (set, l, p, same, compared) in likeForLike)
    {
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {set} | {l.PerSecond:N0} | {LatencyRecorder.Ms(l.Latency.GetValueAtPercentile(50))} | {LatencyRecorder.Ms(l.Latency.GetValueAtPercentile(99))} | {p.PerSecond:N1} | {LatencyRecorder.Ms(p.Latency.GetValueAtPercentile(50))} | {LatencyRecorder.Ms(p.Latency.GetValueAtPercentile(99))} | {l.PerSecond / Math.Max(0.001, p.PerSecond):N1}x | {same}/{compared} |"));
    }
    report.AppendLine();
    report.AppendLine("Totals differ where the engines' matching differs: Lucene takes each word as exact, prefix or within a few edits (docs/api.md); PostgreSQL here as a word or prefix (`exact words`) or by trigram word similarity >= 0.6 (`typos`). Without text both apply the same filters and must agree.");
}
if (scanRows is not null)
{
    report.AppendLine();
    report.Append(scanRows);
}
Console.WriteLine();
Console.WriteLine(report);

Console.WriteLine($"Written to {BenchmarksFile.WriteSearchSection(report.ToString())}");
index.Dispose();
Directory.Delete(indexPath, recursive: true);
return 0;
