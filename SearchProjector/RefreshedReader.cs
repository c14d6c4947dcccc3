using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The near-real-time reader searches use, and when it reopens: lazily, at the first search after a write the reader
/// needs, so a burst of changes costs one reopen rather than one per change; and at most once per refresh interval, so
/// the reader (and the request cache keyed on its generation) lives through a stream of writes.
/// </summary>
public sealed class RefreshedReader : IDisposable
{
    private readonly SearcherManager _searchers;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Set by a write the reader needs; a refresh that takes it in moves <see cref="_generation"/>.</summary>
    private int _stale;
    private long _generation;
    private long _lastRefreshTimestamp;

    /// <param name="interval">The least time between two reopens; zero reopens at the first search after any write.</param>
    public RefreshedReader(IndexWriter writer, SegmentWarmer warmer, TimeProvider time, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _searchers = new SearcherManager(writer, true, new SegmentWarmer.OnRefresh(warmer));
        _time = time;
        _interval = interval;
        _lastRefreshTimestamp = time.GetTimestamp();
    }

    /// <summary>
    /// Grows with every refresh that makes a write visible. It moves only once the new reader is in place, so a search
    /// that read it reads that reader or a newer one. Reading it refreshes nothing (<see cref="RefreshIfDue"/> does).
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>A write the reader needs was made: the next due refresh reopens it.</summary>
    public void Stale() => Volatile.Write(ref _stale, 1);

    /// <summary>
    /// Reopens the reader when a write is pending and the refresh interval has passed since the last reopen, and returns
    /// the generation the next search reads. Within the interval searches keep the reader they have (its generation too),
    /// so cached answers stay valid; a write made then shows at the first search after the interval.
    /// </summary>
    public long RefreshIfDue()
    {
        if (Volatile.Read(ref _stale) == 0) return Generation;
        if (_interval > TimeSpan.Zero && _time.GetElapsedTime(Volatile.Read(ref _lastRefreshTimestamp)) < _interval) return Generation;
        // One of the searches that find it due reopens; the others go on with the reader they have.
        if (Interlocked.Exchange(ref _stale, 0) == 1) Reopen(changed: true);
        return Generation;
    }

    /// <summary>Reopens the reader now, whatever the interval.</summary>
    public void Refresh() => Reopen(Interlocked.Exchange(ref _stale, 0) == 1);

    private void Reopen(bool changed)
    {
        _searchers.MaybeRefreshBlocking();
        if (changed) Interlocked.Increment(ref _generation);
        Volatile.Write(ref _lastRefreshTimestamp, _time.GetTimestamp());
    }

    /// <summary>The current searcher; give it back with <see cref="Release"/>.</summary>
    public IndexSearcher Acquire() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    public void Dispose() => _searchers.Dispose();
}
