namespace TicketMaster.SearchProjector;

/// <summary>Configuration section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    public SearchEngine Engine { get; set; } = SearchEngine.Lucene;

    /// <summary>How long pulls may fail to reach the end of every shard before <c>/readyz</c> says the index is behind.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Names of the Elasticsearch template and indices: <c>{prefix}-events-v{n}</c>, <c>{prefix}-checkpoints</c>.</summary>
    public string ElasticsearchIndexPrefix { get; set; } = "ticketmaster-search";

    /// <summary>How often every shard's change log is pulled; the pull is what makes replicas converge.</summary>
    public TimeSpan PullInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether to subscribe to the catalog streams (the low-latency path); off, the pull alone feeds the index.</summary>
    public bool UseStream { get; set; } = true;

    /// <summary>Changes asked for in one pull of one shard.</summary>
    public int PullBatchSize { get; set; } = 1000;

    /// <summary>A folder for the index (memory-mapped) that survives restarts; null or empty uses a temporary folder, deleted at stop, and rebuilds from the shards at start.</summary>
    public string? DataPath { get; set; }

    /// <summary>
    /// The least time between two reopens of the Lucene reader (as Elasticsearch's <c>refresh_interval</c>): writes within
    /// it share one reader, so the request cache keeps answering during a stream of changes; a change shows at the first
    /// search after it. Zero reopens at the first search after any write.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Lucene: bytes of per-segment matches kept between searches (<see cref="MatchCache"/>): what each typed word and
    /// each keyword matches, reused by every search that asks for it again, across refreshes. 0 keeps nothing.
    /// </summary>
    public long MatchCacheBytes { get; set; } = SearchCaches.DefaultMatchCacheBytes;

    /// <summary>
    /// Lucene: bytes of decoded documents of recent pages kept between searches: a stored document is decompressed from
    /// a 16 KB block per read, and popular pages show the same events again and again. 0 keeps nothing.
    /// </summary>
    public long DocumentCacheBytes { get; set; } = SearchCaches.DefaultDocumentCacheBytes;

    /// <summary>How often an on-disk index commits, so a restart resumes from its checkpoints.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(30);
}
