using System.Diagnostics.Metrics;

namespace TicketMaster.SearchProjector;

/// <summary>The meter search reports to; its instruments carry no per-query labels (unbounded cardinality).</summary>
public static class SearchMetrics
{
    public const string MeterName = "TicketMaster.Search";
    public const string CacheHits = "ticketmaster.search.cache.hits";
    public const string CacheMisses = "ticketmaster.search.cache.misses";
    public const string CacheEvictions = "ticketmaster.search.cache.evictions";
    public const string CacheBytes = "ticketmaster.search.cache.bytes";
    public const string Lag = "ticketmaster.search.lag";
    public const string SegmentWarmDuration = "ticketmaster.search.segment.warm.duration";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Time to build a new Lucene segment's columns and sets (<see cref="SegmentWarmer"/>), tagged with what opened it: <c>trigger</c> = merge or refresh.</summary>
    public static readonly Histogram<double> SegmentWarm = Meter.CreateHistogram<double>(
        SegmentWarmDuration, "s", "Time to build a new segment's columns and frequent words' sets, on the merge's thread (trigger=merge) or at the refresh that opens it (trigger=refresh).");

    /// <summary>Elasticsearch writes refused because the index already held that event (or checkpoint) at an equal or newer version: replays, not failures.</summary>
    public static readonly Counter<long> VersionConflicts = Meter.CreateCounter<long>(
        "ticketmaster.search.version_conflicts", description: "Bulk items Elasticsearch refused with 409: it already held an equal or newer version.");

    /// <summary>Elasticsearch bulk requests or items sent again after a 429 or a 5xx.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "ticketmaster.search.bulk_retries", description: "Bulk requests sent again after Elasticsearch answered 429 or 5xx.");
}
