using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The search replica on Lucene.Net. Writes go through one <see cref="IndexWriter"/>; searches use a
/// near-real-time reader that is reopened lazily, at the first search after a write, so a burst of
/// changes costs one reopen rather than one per change; and at most once per refresh interval, so the
/// reader (and the request cache, valid for one reader) lives through a stream of writes.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, ISearchGeneration, IDisposable
{
    private const string CheckpointPrefix = "checkpoint.";

    private static readonly Sort ByDate = new(
        new SortField(SearchFields.StartsAtSort, SortFieldType.INT64),
        new SortField(SearchFields.IdSort, SortFieldType.STRING));

    private static readonly Sort ByRelevance = new(
        SortField.FIELD_SCORE,
        new SortField(SearchFields.StartsAtSort, SortFieldType.INT64),
        new SortField(SearchFields.IdSort, SortFieldType.STRING));

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly TimeProvider _time;
    private readonly object _writeLock = new();
    private TermExpansions _expansions = new();
    /// <summary>One set of expansions per threshold used, so switching back and forth (the bench) keeps each warm.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, TermExpansions> _expansionsByThreshold = new();
    private readonly string? _temporaryPath;

    /// <summary>The version held per event: what makes applying idempotent without a search per write.</summary>
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly long[] _checkpoints = new long[CatalogShards.Count];
    private int _dirty;
    private readonly TimeSpan _refreshInterval;
    private long _lastRefreshTimestamp;

    /// <param name="dataPath">A folder for an index that survives restarts; null uses a temporary folder, deleted at dispose.</param>
    /// <param name="refreshInterval">The least time between two reopens of the reader for searches; zero reopens at the first search after any write.</param>
    public LuceneSearchIndex(TimeProvider time, string? dataPath = null, TimeSpan refreshInterval = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshInterval, TimeSpan.Zero);
        _time = time;
        _refreshInterval = refreshInterval;
        _analyzer = SearchAnalyzer.Create();
        // Without a data path the index still lives in files, in a folder of its own that goes at dispose: memory-mapped
        // files are paged by the OS and cost no managed heap, where a RAMDirectory held the whole index in 1 KB arrays.
        _temporaryPath = string.IsNullOrWhiteSpace(dataPath)
            ? Path.Combine(Path.GetTempPath(), "ticketmaster-search-" + Guid.NewGuid().ToString("N"))
            : null;
        _directory = new MMapDirectory(System.IO.Directory.CreateDirectory(_temporaryPath ?? dataPath!));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        _searchers = new SearcherManager(_writer, true, new WarmingSearcherFactory());
        _lastRefreshTimestamp = time.GetTimestamp();
        Load();
    }

    /// <summary>
    /// From how many documents holding a typed word exactly it is searched without its fuzzy and prefix alternatives
    /// (<see cref="TermExpansions"/>); <see cref="int.MaxValue"/> always expands (the bench's baseline).
    /// </summary>
    public int CommonWordDocs
    {
        get => Volatile.Read(ref _expansions).CommonWordDocs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _expansionsByThreshold.TryAdd(_expansions.CommonWordDocs, _expansions);
            Volatile.Write(ref _expansions, _expansionsByThreshold.GetOrAdd(value, static v => new TermExpansions(v)));
        }
    }

    public int Count
    {
        get
        {
            lock (_writeLock) return _versions.Count;
        }
    }

    public bool Apply(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_writeLock)
        {
            var known = _versions.TryGetValue(document.EventId, out var version);
            if (known && version >= document.Version) return false;

            var doc = SearchFields.ToLucene(document);
            if (known) _writer.UpdateDocument(new Term(SearchFields.Id, document.EventId), doc);
            else _writer.AddDocument(doc);
            _versions[document.EventId] = document.Version;
            Volatile.Write(ref _dirty, 1);
            return true;
        }
    }

    public long GetCheckpoint(int shard)
    {
        lock (_writeLock) return _checkpoints[shard];
    }

    public void AdvanceCheckpoint(int shard, long sequence)
    {
        lock (_writeLock) _checkpoints[shard] = Math.Max(_checkpoints[shard], sequence);
    }

    public void Commit()
    {
        lock (_writeLock)
        {
            // The checkpoints ride in the same commit as the documents they cover, so a restart never skips a change.
            _writer.SetCommitData(Enumerable.Range(0, _checkpoints.Length)
                .ToDictionary(s => CheckpointPrefix + s, s => _checkpoints[s].ToString(CultureInfo.InvariantCulture)));
            _writer.Commit();
        }
    }

    /// <summary>Makes every applied document visible to the next search now, instead of at the next search.</summary>
    public void Refresh()
    {
        Interlocked.Exchange(ref _dirty, 0);
        _searchers.MaybeRefreshBlocking();
        Volatile.Write(ref _lastRefreshTimestamp, _time.GetTimestamp());
    }

    /// <summary>The version of the reader searches read now (it grows with every change a refresh makes visible), after the pending refresh.</summary>
    public long Generation
    {
        get
        {
            RefreshIfDirty();
            var searcher = _searchers.Acquire();
            try
            {
                return ((DirectoryReader)searcher.IndexReader).Version;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Searches on the caller's thread: Lucene reads memory or memory-mapped files and never waits on I/O worth yielding for.</summary>
    public ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) => new(Search(query));

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RefreshIfDirty();

        var searcher = _searchers.Acquire();
        var expansions = Volatile.Read(ref _expansions);
        try
        {
            var text = query.HasText ? TextQuery.Build(_analyzer, query.Text!, term => expansions.For(searcher, term)) : null;
            var filter = EventFilter.For(query, _time.GetUtcNow());
            var page = Math.Max(1, query.Page);
            var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
            var start = (long)(page - 1) * pageSize;
            // A page beyond the index cannot hold anything; the window is capped so a huge page number cannot allocate a huge queue.
            var window = (int)Math.Clamp(start + pageSize, 1, Math.Max(1, searcher.IndexReader.MaxDoc));

            var found = text is null
                ? DateOrderedScan.Run(searcher.IndexReader, filter, start, pageSize, window)
                : TextSearch(searcher, text, filter, query.EffectiveSort, start, pageSize, window);
            var items = new List<SearchDocument>(found.Docs.Count);
            foreach (var doc in found.Docs) items.Add(SearchFields.FromLucene(searcher.Doc(doc)));
            return new SearchResults(found.Total, page, pageSize, items, found.Facets)
            {
                StableUntil = found.FirstStartTicks == long.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(found.FirstStartTicks, TimeSpan.Zero),
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Reopens the reader when a write is pending and the refresh interval has passed since the last reopen. Within the
    /// interval searches keep the reader they have (its generation too), so cached answers stay valid; a write made then
    /// shows at the first search after the interval.
    /// </summary>
    private void RefreshIfDirty()
    {
        if (Volatile.Read(ref _dirty) == 0) return;
        if (_refreshInterval > TimeSpan.Zero && _time.GetElapsedTime(Volatile.Read(ref _lastRefreshTimestamp)) < _refreshInterval) return;
        if (Interlocked.Exchange(ref _dirty, 0) == 0) return;
        _searchers.MaybeRefreshBlocking();
        Volatile.Write(ref _lastRefreshTimestamp, _time.GetTimestamp());
    }

    private static SearchResultsPage TextSearch(IndexSearcher searcher, Query text, EventFilter filter, SearchSort order, long start, int pageSize, int window)
    {
        var sort = order == SearchSort.Relevance ? ByRelevance : ByDate;
        var top = TopFieldCollector.Create(sort, window, false, false, false, true);
        var facets = new FacetCollector();
        // Keywords (a city, a performer) leave few candidates: walk those and ask the text query about each, rather
        // than scoring every text match and then asking the filter. The date window alone keeps most events, so
        // there the text query leads and the window is checked per match.
        var strategy = filter.HasKeys ? FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY : FilteredQuery.RANDOM_ACCESS_FILTER_STRATEGY;
        searcher.Search(new FilteredQuery(text, filter, strategy), MultiCollector.Wrap(top, facets));

        var docs = new List<int>(pageSize);
        if (start < top.TotalHits && start < window)
        {
            foreach (var hit in top.GetTopDocs((int)start, pageSize).ScoreDocs) docs.Add(hit.Doc);
        }
        return new SearchResultsPage(top.TotalHits, docs, facets.Facets(), facets.FirstStartTicks);
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        if (_temporaryPath is not null) System.IO.Directory.Delete(_temporaryPath, recursive: true);
    }

    /// <summary>An index on disk resumes where its last commit left off: versions from doc values, checkpoints from the commit.</summary>
    private void Load()
    {
        if (!DirectoryReader.IndexExists(_directory)) return;
        using var reader = DirectoryReader.Open(_directory);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            var ids = atomic.GetSortedDocValues(SearchFields.IdSort);
            var versions = atomic.GetNumericDocValues(SearchFields.Version);
            if (ids is null || versions is null) continue;
            var id = new Lucene.Net.Util.BytesRef();
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, id);
                _versions[id.Utf8ToString()] = versions.Get(doc);
            }
        }
        var data = reader.IndexCommit.UserData;
        for (var shard = 0; shard < _checkpoints.Length; shard++)
        {
            if (data.TryGetValue(CheckpointPrefix + shard, out var value)) _checkpoints[shard] = long.Parse(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Builds the cached columns of new segments at refresh, so the first search after a merge does not pay for them.</summary>
    private sealed class WarmingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves) SegmentColumns.For(leaf.AtomicReader);
            return base.NewSearcher(reader);
        }
    }
}
