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
/// reader lives through a stream of writes. A new version that changes only the event's availability is not a write the
/// reader needs: it goes to <see cref="Availability"/>, which every answer shows, and to the document's doc values in place
/// (no match, order or facet reads them), so neither the reader nor the generation moves and cached answers stay.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, ISearchGeneration, IDisposable
{
    private const string CheckpointPrefix = "checkpoint.";

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly TimeProvider _time;
    private readonly object _writeLock = new();
    private WordExpansions _expansions = new();
    /// <summary>One set of expansions per threshold used, so switching back and forth (the bench) keeps each warm.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, WordExpansions> _expansionsByThreshold = new();
    private readonly MatchCache _matches;

    /// <summary>
    /// Documents of recent pages, decoded: a stored document is decompressed from a 16 KB block per read, the largest
    /// cost of a search once its matches are cached, and popular pages show the same events again and again. Keyed by
    /// segment core and document, which never change.
    /// </summary>
    private readonly MatchCache _documents;
    private readonly string? _temporaryPath;

    /// <summary>
    /// The <see cref="SearchFields.Content"/> fingerprint held per event: what tells an availability-only change apart without
    /// a search per write. The version held per event is <see cref="Availability"/>'s, which makes applying idempotent.
    /// </summary>
    private readonly Dictionary<string, long> _contents = new(StringComparer.Ordinal);
    private readonly long[] _checkpoints = new long[CatalogShards.Count];
    /// <summary>Set by a write the reader needs (anything but availability alone); a refresh that takes it in moves <see cref="_generation"/>.</summary>
    private int _dirty;
    private long _generation;
    private readonly TimeSpan _refreshInterval;
    private long _lastRefreshTimestamp;
    private int _disposed;

    /// <param name="dataPath">A folder for an index that survives restarts; null uses a temporary folder, deleted at dispose.</param>
    /// <param name="refreshInterval">The least time between two reopens of the reader for searches; zero reopens at the first search after any write.</param>
    /// <param name="matchCacheBytes">Bytes of per-segment word and keyword matches kept between searches (<see cref="MatchCache"/>).</param>
    /// <param name="documentCacheBytes">Bytes of decoded documents of recent pages kept between searches.</param>
    public LuceneSearchIndex(TimeProvider time, string? dataPath = null, TimeSpan refreshInterval = default, long matchCacheBytes = DefaultMatchCacheBytes, long documentCacheBytes = DefaultDocumentCacheBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(matchCacheBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(documentCacheBytes);
        _time = time;
        _matches = new MatchCache(matchCacheBytes);
        _documents = new MatchCache(documentCacheBytes);
        _refreshInterval = refreshInterval;
        _analyzer = SearchAnalyzer.Create();
        // Without a data path the index still lives in files, in a folder of its own that goes at dispose: memory-mapped
        // files are paged by the OS and cost no managed heap, where a RAMDirectory held the whole index in 1 KB arrays.
        _temporaryPath = string.IsNullOrWhiteSpace(dataPath)
            ? Path.Combine(Path.GetTempPath(), "ticketmaster-search-" + Guid.NewGuid().ToString("N"))
            : null;
        _directory = new MMapDirectory(System.IO.Directory.CreateDirectory(_temporaryPath ?? dataPath!));
        var current = !DirectoryReader.IndexExists(_directory) || HasAvailabilityColumn(_directory);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, _analyzer)
        {
            OpenMode = current ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            MergedSegmentWarmer = new SegmentWarmer(),
        });
        if (!current)
        {
            // An empty commit replaces an index of the older layout at once, checkpoints too (a new writer keeps them), so nothing below reads it back.
            _writer.SetCommitData(new Dictionary<string, string>());
            _writer.Commit();
        }
        _searchers = new SearcherManager(_writer, true, new WarmingSearcherFactory());
        _lastRefreshTimestamp = time.GetTimestamp();
        Load();
    }

    public const long DefaultMatchCacheBytes = 256L * 1024 * 1024;

    public const long DefaultDocumentCacheBytes = 32L * 1024 * 1024;

    /// <summary>Bytes of cached word and keyword matches held now.</summary>
    public long MatchCacheBytes => _matches.Bytes;

    /// <summary>Bytes of cached decoded documents held now.</summary>
    public long DocumentCacheBytes => _documents.Bytes;

    /// <summary>
    /// From how many documents holding a typed word exactly it is searched without its fuzzy and prefix alternatives
    /// (<see cref="WordExpansions"/>); <see cref="int.MaxValue"/> always expands (the bench's baseline).
    /// </summary>
    public int CommonWordDocs
    {
        get => Volatile.Read(ref _expansions).CommonWordDocs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _expansionsByThreshold.TryAdd(_expansions.CommonWordDocs, _expansions);
            Volatile.Write(ref _expansions, _expansionsByThreshold.GetOrAdd(value, static v => new WordExpansions(v)));
        }
    }

    public int Count
    {
        get
        {
            lock (_writeLock) return _contents.Count;
        }
    }

    /// <summary>Each event's availability as every search shows it, fresh or cached.</summary>
    public AvailabilityTable Availability { get; } = new();

    public bool Apply(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_writeLock)
        {
            var held = Availability.VersionOf(document.EventId);
            if (held >= document.Version) return false;

            var content = SearchFields.Content(document);
            var id = new Term(SearchFields.Id, document.EventId);
            if (held is not null && _contents[document.EventId] == content)
            {
                // Availability alone: in place, for the next commit and a restart; searches read it from the table.
                _writer.UpdateNumericDocValue(id, SearchFields.Version, document.Version);
                _writer.UpdateBinaryDocValue(id, SearchFields.Availability, new Lucene.Net.Util.BytesRef(document.Availability));
            }
            else
            {
                var doc = SearchFields.ToLucene(document);
                if (held is null) _writer.AddDocument(doc);
                else _writer.UpdateDocument(id, doc);
                _contents[document.EventId] = content;
                Volatile.Write(ref _dirty, 1);
            }
            Availability.Set(document.EventId, document.Version, document.Availability);
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
        var changed = Interlocked.Exchange(ref _dirty, 0) == 1;
        _searchers.MaybeRefreshBlocking();
        if (changed) Interlocked.Increment(ref _generation);
        Volatile.Write(ref _lastRefreshTimestamp, _time.GetTimestamp());
    }

    /// <summary>
    /// Grows with every refresh that makes a change other than availability visible, after the pending refresh. It moves
    /// only once the new reader is in place, so a search that read it reads that reader or a newer one.
    /// </summary>
    public long Generation
    {
        get
        {
            RefreshIfDirty();
            return Interlocked.Read(ref _generation);
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
            var reader = searcher.IndexReader;
            var words = query.HasText ? TextQuery.Words(_analyzer, query.Text!).Select(w => expansions.For(reader, w)).ToList() : [];
            var plan = SearchPlan.For(query, _time.GetUtcNow(), words);
            var found = RankedSearch.Run(reader, plan, _matches);
            var items = new List<SearchDocument>(found.Docs.Count);
            foreach (var doc in found.Docs) items.Add(Availability.Current(Document(searcher, doc)));
            return new SearchResults(found.Total, query.EffectivePage, plan.PageSize, items, found.Facets)
            {
                StableUntil = found.FirstStartTicks == long.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(found.FirstStartTicks, TimeSpan.Zero),
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchDocument Document(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return _documents.GetOrAdd(
            leaf.AtomicReader.CoreCacheKey,
            (doc - leaf.DocBase).ToString(CultureInfo.InvariantCulture),
            () => SearchFields.FromLucene(searcher.IndexReader, doc),
            static d => 400 + 2L * (d.Name.Length + d.Description.Length + d.Venue.Length + d.EventId.Length + d.Performers.Sum(p => p.Length + 24) + d.PerformerIds.Sum(p => p.Length + 24)));
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
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _lastRefreshTimestamp, _time.GetTimestamp());
    }

    /// <summary>Once: a host's container disposes the index for each registration that hands it out.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        if (_temporaryPath is not null) System.IO.Directory.Delete(_temporaryPath, recursive: true);
    }

    /// <summary>An index on disk resumes where its last commit left off: versions, fingerprints and availability from doc values, checkpoints from the commit.</summary>
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
            var contents = atomic.GetNumericDocValues(SearchFields.ContentKey);
            var availability = atomic.GetBinaryDocValues(SearchFields.Availability);
            if (ids is null || versions is null || contents is null || availability is null) continue;
            var id = new Lucene.Net.Util.BytesRef();
            var shown = new Lucene.Net.Util.BytesRef();
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, id);
                availability.Get(doc, shown);
                var eventId = id.Utf8ToString();
                _contents[eventId] = contents.Get(doc);
                Availability.Set(eventId, versions.Get(doc), shown.Utf8ToString());
            }
        }
        var data = reader.IndexCommit.UserData;
        for (var shard = 0; shard < _checkpoints.Length; shard++)
        {
            if (data.TryGetValue(CheckpointPrefix + shard, out var value)) _checkpoints[shard] = long.Parse(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Whether every segment has the availability column an availability-only change updates in place. An index written
    /// before it had one is started again empty and rebuilt from the catalog shards, as a replica without a data path is.
    /// </summary>
    private static bool HasAvailabilityColumn(Lucene.Net.Store.Directory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.All(l => l.AtomicReader.FieldInfos.FieldInfo(SearchFields.Availability)?.HasDocValues == true);
    }

    /// <summary>Builds the columns and sets of the segments a refresh opens that no merge built (<see cref="SegmentWarmer"/>), before searches run on them.</summary>
    private sealed class WarmingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves) SegmentWarmer.Warm(leaf.AtomicReader, SegmentWarmer.Refresh);
            return base.NewSearcher(reader);
        }
    }
}
