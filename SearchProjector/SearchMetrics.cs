namespace TicketMaster.SearchProjector;

/// <summary>The meter search reports to; its instruments carry no per-query labels (unbounded cardinality).</summary>
public static class SearchMetrics
{
    public const string MeterName = "TicketMaster.Search";
    public const string CacheHits = "ticketmaster.search.cache.hits";
    public const string CacheMisses = "ticketmaster.search.cache.misses";
    public const string CacheEvictions = "ticketmaster.search.cache.evictions";
    public const string CacheBytes = "ticketmaster.search.cache.bytes";
}
