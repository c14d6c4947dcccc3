using Lucene.Net.Analysis;
using Lucene.Net.Store;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The search replica on Lucene.Net, in a memory-mapped folder, put together from parts named after what they hold:
/// the writer with each event's version and the shards' checkpoints (<see cref="EventWriter"/>), the reader and when it
/// reopens (<see cref="RefreshedReader"/>), the query side (<see cref="LuceneSearcher"/>) and every cache
/// (<see cref="SearchCaches"/>). A new version that changes only the event's availability is not a write the reader
/// needs: it goes to <see cref="Availability"/>, which every answer shows, and to the document's doc values in place, so
/// neither the reader nor the generation moves and cached answers stay.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, ISearchGeneration, IDisposable
{
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly EventWriter _writer;
    private readonly RefreshedReader _reader;
    private readonly LuceneSearcher _searcher;
    private readonly string? _temporaryPath;
    private int _disposed;

    /// <param name="dataPath">A folder for an index that survives restarts; null uses a temporary folder, deleted at dispose.</param>
    /// <param name="refreshInterval">The least time between two reopens of the reader for searches; zero reopens at the first search after any write.</param>
    /// <param name="matchCacheBytes">Bytes of everything kept for searching but the documents (<see cref="SearchCaches"/>).</param>
    /// <param name="documentCacheBytes">Bytes of decoded documents of recent pages kept between searches.</param>
    public LuceneSearchIndex(TimeProvider time, string? dataPath = null, TimeSpan refreshInterval = default, long matchCacheBytes = SearchCaches.DefaultMatchCacheBytes, long documentCacheBytes = SearchCaches.DefaultDocumentCacheBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshInterval, TimeSpan.Zero);
        Caches = new SearchCaches(matchCacheBytes, documentCacheBytes);
        _analyzer = SearchAnalyzer.Create();
        // Without a data path the index still lives in files, in a folder of its own that goes at dispose: memory-mapped
        // files are paged by the OS and cost no managed heap, where a RAMDirectory held the whole index in 1 KB arrays.
        _temporaryPath = string.IsNullOrWhiteSpace(dataPath)
            ? Path.Combine(Path.GetTempPath(), "ticketmaster-search-" + Guid.NewGuid().ToString("N"))
            : null;
        _directory = new MMapDirectory(System.IO.Directory.CreateDirectory(_temporaryPath ?? dataPath!));
        var warmer = new SegmentWarmer(Caches);
        _writer = new EventWriter(_directory, _analyzer, warmer, Availability);
        _reader = new RefreshedReader(_writer.Writer, warmer, time, refreshInterval);
        _searcher = new LuceneSearcher(_analyzer, Caches, Availability, time);
    }

    /// <summary>Every cache of this index and their bounds.</summary>
    public SearchCaches Caches { get; }

    /// <summary>Bytes of cached word and keyword matches held now.</summary>
    public long MatchCacheBytes => Caches.Matches.Bytes;

    /// <summary>Bytes of cached decoded documents held now.</summary>
    public long DocumentCacheBytes => Caches.Documents.Bytes;

    public int Count => _writer.Count;

    /// <summary>Each event's availability as every search shows it, fresh or cached.</summary>
    public AvailabilityTable Availability { get; } = new();

    public long Generation => _reader.Generation;

    public long RefreshIfDue() => _reader.RefreshIfDue();

    /// <summary>Makes every applied document visible to the next search now, instead of at the next due refresh.</summary>
    public void Refresh() => _reader.Refresh();

    public bool Apply(SearchDocument document)
    {
        var change = _writer.Apply(document);
        if (change == EventWriter.Change.Document) _reader.Stale();
        return change != EventWriter.Change.None;
    }

    public long GetCheckpoint(int shard) => _writer.GetCheckpoint(shard);

    public void AdvanceCheckpoint(int shard, long sequence) => _writer.AdvanceCheckpoint(shard, sequence);

    public void Commit() => _writer.Commit();

    /// <summary>Searches on the caller's thread: Lucene reads memory or memory-mapped files and never waits on I/O worth yielding for.</summary>
    public ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) => new(Search(query));

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _reader.RefreshIfDue();
        var searcher = _reader.Acquire();
        try
        {
            return _searcher.Search(searcher, query);
        }
        finally
        {
            _reader.Release(searcher);
        }
    }

    /// <summary>Once: a host's container disposes the index for each registration that hands it out.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _reader.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        if (_temporaryPath is not null) System.IO.Directory.Delete(_temporaryPath, recursive: true);
    }
}
