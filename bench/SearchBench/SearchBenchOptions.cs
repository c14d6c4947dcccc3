using System.CommandLine;

namespace TicketMaster.Bench.Search;

/// <summary>The bench's flags, parsed by System.CommandLine as OnSaleBench's are: a typo is an error, never a silent default run.</summary>
public sealed record SearchBenchOptions(
    bool Quick,
    int Events,
    int Workers,
    int Connections,
    int WrkThreads,
    int ChangesPerSecond,
    TimeSpan LoadTime,
    int ZipfQueries,
    double ZipfExponent,
    int ZipfWarm,
    long CacheBytes,
    int PgClients,
    TimeSpan PgTime,
    bool Postgres,
    bool Scan,
    string? IndexPath,
    bool LatencyOnly,
    int? Slowest,
    long MatchCacheBytes,
    TimeSpan? RefreshInterval)
{
    private static readonly Option<bool> QuickOption = new("--quick") { Description = "A smaller run: 100,000 events, 5 s phases." };
    private static readonly Option<int?> EventsOption = Positive("--events", "Events in the generated catalog (default 1,000,000; 100,000 with --quick).");
    private static readonly Option<int?> WorkersOption = Positive("--workers", "In-process searching threads (default 4).");
    private static readonly Option<int?> ConnectionsOption = Positive("--connections", "wrk connections over HTTP (default 64).");
    private static readonly Option<int?> WrkThreadsOption = Positive("--wrk-threads", "wrk threads (default 2).");
    private static readonly Option<int?> ChangesOption = Positive("--changes-per-second", "Availability changes a second in the phase with catalog changes (default 100).");
    private static readonly Option<int?> SecondsOption = Positive("--seconds", "Seconds of each throughput phase (default 15; 5 with --quick).");
    private static readonly Option<int?> ZipfQueriesOption = Positive("--zipf-queries", "Distinct searches in the Zipf mix (default 10,000).");
    private static readonly Option<double?> ZipfExponentOption = new("--zipf-exponent") { Description = "The Zipf mix's exponent (default 1.0)." };
    private static readonly Option<int?> ZipfWarmOption = Positive("--zipf-warm", "Draws of the Zipf mix that warm the cache before it is measured (default 20,000).");
    private static readonly Option<int?> CacheMbOption = Positive("--cache-mb", "The request cache's bound in MB (default 64).");
    private static readonly Option<int?> PgClientsOption = Positive("--pg-clients", "PostgreSQL full-text clients (default 8).");
    private static readonly Option<int?> PgSecondsOption = Positive("--pg-seconds", "Seconds of the PostgreSQL phase (default 10; 3 with --quick).");
    private static readonly Option<bool> NoPostgresOption = new("--no-postgres") { Description = "Skip the PostgreSQL full-text baseline." };
    private static readonly Option<bool> ScanOption = new("--scan") { Description = "Also measure the scan-every-document baseline." };
    private static readonly Option<string?> IndexPathOption = new("--index-path") { Description = "Keep the index in this folder between runs (a rerun over the same catalog skips indexing)." };
    private static readonly Option<bool> LatencyOnlyOption = new("--latency-only") { Description = "Stop after the per-query latencies." };
    private static readonly Option<int?> SlowestOption = Positive("--slowest", "Print this many slowest queries.");
    private static readonly Option<int?> MatchCacheMbOption = Positive("--match-cache-mb", "Lucene's bound in MB on everything it keeps for searching but decoded documents (Search:MatchCacheBytes, default 256).");
    private static readonly Option<int?> RefreshSecondsOption = new("--refresh-seconds") { Description = "The search reader's refresh interval in seconds (default the frontend's)." };

    public static RootCommand Command()
    {
        var command = new RootCommand("Search bench: Lucene in-process and over HTTP with the request cache, beside PostgreSQL full text, on one generated catalog.");
        foreach (var option in new Option[]
        {
            QuickOption, EventsOption, WorkersOption, ConnectionsOption, WrkThreadsOption, ChangesOption, SecondsOption, ZipfQueriesOption,
            ZipfExponentOption, ZipfWarmOption, CacheMbOption, PgClientsOption, PgSecondsOption, NoPostgresOption, ScanOption,
            IndexPathOption, LatencyOnlyOption, SlowestOption, MatchCacheMbOption, RefreshSecondsOption,
        })
        {
            command.Options.Add(option);
        }
        return command;
    }

    public static SearchBenchOptions From(ParseResult result)
    {
        var quick = result.GetValue(QuickOption);
        return new SearchBenchOptions(
            quick,
            result.GetValue(EventsOption) ?? (quick ? 100_000 : 1_000_000),
            result.GetValue(WorkersOption) ?? 4,
            result.GetValue(ConnectionsOption) ?? 64,
            result.GetValue(WrkThreadsOption) ?? 2,
            result.GetValue(ChangesOption) ?? 100,
            TimeSpan.FromSeconds(result.GetValue(SecondsOption) ?? (quick ? 5 : 15)),
            result.GetValue(ZipfQueriesOption) ?? 10_000,
            result.GetValue(ZipfExponentOption) ?? 1.0,
            result.GetValue(ZipfWarmOption) ?? 20_000,
            (result.GetValue(CacheMbOption) ?? 64) * 1024L * 1024,
            result.GetValue(PgClientsOption) ?? 8,
            TimeSpan.FromSeconds(result.GetValue(PgSecondsOption) ?? (quick ? 3 : 10)),
            !result.GetValue(NoPostgresOption),
            result.GetValue(ScanOption),
            result.GetValue(IndexPathOption),
            result.GetValue(LatencyOnlyOption),
            result.GetValue(SlowestOption),
            (result.GetValue(MatchCacheMbOption) ?? 256) * 1024L * 1024,
            result.GetValue(RefreshSecondsOption) is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }

    private static Option<int?> Positive(string name, string description) => new(name)
    {
        Description = description,
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError($"{name} must be at least 1."); } },
    };
}
