using System.Diagnostics.Metrics;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Answers kept in front of a search engine, like Elasticsearch's shard request cache: keyed by the
/// normalised query and page (<see cref="SearchRequestKey"/>), valid for one generation of the index
/// (<see cref="ISearchGeneration"/>): the first search after a refresh drops every older answer, so an
/// answer from an older reader is never served. Bounded by estimated bytes; the least recently used go
/// first. An answer whose window starts at "now" also ends when its first match starts (the event leaves
/// the window). Popular searches repeat (a Zipf curve), so a small cache answers most of the traffic.
/// Writes and everything else pass through to the engine.
/// </summary>
public sealed class SearchRequestCache : ISearchIndex
{
    /// <summary>Per entry: the entry, its list node, dictionary slot, results and lists.</summary>
    private const int EntryOverhead = 320;

    private readonly ISearchIndex _engine;
    private readonly ISearchGeneration _generation;
    private readonly long _maxBytes;
    private readonly TimeSpan _upcomingMaxAge;
    private readonly TimeProvider _time;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _evictions;

    private readonly Lock _lock = new();
    private readonly Dictionary<SearchRequestKey, LinkedListNode<Entry>> _entries = [];

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<Entry> _recency = new();
    private long _entriesGeneration = long.MinValue;
    private long _bytes;

    public SearchRequestCache(ISearchIndex engine, ISearchGeneration generation, RequestCacheOptions options, TimeProvider time, Meter meter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes);
        _engine = engine;
        _generation = generation;
        _maxBytes = options.MaxBytes;
        _upcomingMaxAge = options.UpcomingMaxAge;
        _time = time;
        _hits = meter.CreateCounter<long>(SearchMetrics.CacheHits, "{search}", "Searches answered from the request cache.");
        _misses = meter.CreateCounter<long>(SearchMetrics.CacheMisses, "{search}", "Searches the request cache passed to the engine.");
        _evictions = meter.CreateCounter<long>(SearchMetrics.CacheEvictions, "{search}", "Answers dropped from the request cache to stay within its bytes.");
        meter.CreateObservableGauge(SearchMetrics.CacheBytes, () => Interlocked.Read(ref _bytes), "By", "Estimated bytes of answers in the request cache.");
    }

    /// <summary>The cache over <paramref name="engine"/>, or the engine itself when it reports no generation or the cache is off.</summary>
    public static ISearchIndex Over(ISearchIndex engine, RequestCacheOptions options, TimeProvider time, Meter meter) =>
        options.MaxBytes > 0 && engine is ISearchGeneration generation ? new SearchRequestCache(engine, generation, options, time, meter) : engine;

    /// <summary>Answers held now (<see cref="ISearchIndex.CountAsync"/> is the engine's events).</summary>
    public int Answers
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    /// <summary>Estimated bytes held now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);


    public ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Read before the search: the engine then reads this generation or a newer one, never an older one.
        var generation = _generation.Generation;
        var key = SearchRequestKey.For(query);
        var now = _time.GetUtcNow();
        if (TryGet(generation, key, now, out var cached))
        {
            _hits.Add(1);
            return new ValueTask<SearchResults>(cached);
        }
        _misses.Add(1);
        return Miss(query, generation, key, now, cancellationToken);
    }

    private async ValueTask<SearchResults> Miss(SearchQuery query, long generation, SearchRequestKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = await _engine.SearchAsync(query, cancellationToken);
        Store(generation, key, results, now);
        return results;
    }

    private bool TryGet(long generation, SearchRequestKey key, DateTimeOffset now, out SearchResults results)
    {
        lock (_lock)
        {
            if (generation != _entriesGeneration)
            {
                if (generation > _entriesGeneration) StartGeneration(generation);
                results = null!;
                return false;
            }
            if (!_entries.TryGetValue(key, out var node) || (key.FromNow && Aged(node.Value, now)))
            {
                results = null!;
                return false;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            results = node.Value.Results;
            return true;
        }
    }

    /// <summary>
    /// An answer whose window starts at "now" changes once its first match starts; an engine that does not say
    /// when that is gets <see cref="RequestCacheOptions.UpcomingMaxAge"/>.
    /// </summary>
    private bool Aged(Entry entry, DateTimeOffset now) =>
        entry.Results.StableUntil is { } until ? now >= until : now - entry.Created >= _upcomingMaxAge;

    private void Store(long generation, SearchRequestKey key, SearchResults results, DateTimeOffset created)
    {
        var size = EntryOverhead + key.EstimatedBytes + EstimatedBytes(results);
        if (size > _maxBytes) return;
        lock (_lock)
        {
            // A newer generation has been seen meanwhile: this answer may be older than what searches read now.
            if (generation < _entriesGeneration) return;
            if (generation > _entriesGeneration) StartGeneration(generation);
            if (_entries.Remove(key, out var old)) Drop(old, evicted: false);
            while (_bytes + size > _maxBytes && _recency.Last is { } last)
            {
                _entries.Remove(last.Value.Key);
                Drop(last, evicted: true);
            }
            var node = _recency.AddFirst(new Entry(key, results, created, size));
            _entries[key] = node;
            Interlocked.Add(ref _bytes, size);
        }
    }

    private void StartGeneration(long generation)
    {
        _entries.Clear();
        _recency.Clear();
        Interlocked.Exchange(ref _bytes, 0);
        _entriesGeneration = generation;
    }

    private void Drop(LinkedListNode<Entry> node, bool evicted)
    {
        _recency.Remove(node);
        Interlocked.Add(ref _bytes, -node.Value.Size);
        if (evicted) _evictions.Add(1);
    }

    /// <summary>
    /// Strings at two bytes a character plus their headers, and a fixed cost per item and facet; and the answer's JSON,
    /// which the search endpoint keeps with a cached answer (about a byte a character of what it shows, and its names).
    /// </summary>
    private static int EstimatedBytes(SearchResults results)
    {
        var bytes = 64;
        foreach (var item in results.Items) bytes += EstimatedBytes(item) + JsonBytes(item);
        foreach (var (value, _) in results.Facets.Category) bytes += 48 + 3 * value.Length + 8;
        foreach (var (value, _) in results.Facets.City) bytes += 48 + 3 * value.Length + 8;
        return bytes;
    }

    private static int JsonBytes(SearchDocument d) =>
        200 + d.EventId.Length + d.Name.Length + d.Venue.Length + d.City.Length + d.Category.Length + d.Currency.Length + d.Availability.Length
        + d.Performers.Sum(p => p.Length + 3);

    private static int EstimatedBytes(SearchDocument d)
    {
        var bytes = 160 + Text(d.EventId) + Text(d.Name) + Text(d.Description) + Text(d.Category) + Text(d.VenueId) + Text(d.Venue)
            + Text(d.City) + Text(d.Currency) + Text(d.Availability);
        foreach (var p in d.Performers) bytes += 8 + Text(p);
        foreach (var p in d.PerformerIds) bytes += 8 + Text(p);
        return bytes;
    }

    private static int Text(string? s) => s is null ? 0 : 24 + 2 * s.Length;

    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => _engine.OpenAsync(cancellationToken);

    public ValueTask<int> ApplyAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default) =>
        _engine.ApplyAsync(documents, cancellationToken);

    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => _engine.CountAsync(cancellationToken);

    public long GetCheckpoint(int shard) => _engine.GetCheckpoint(shard);

    public void AdvanceCheckpoint(int shard, long sequence) => _engine.AdvanceCheckpoint(shard, sequence);

    public ValueTask CommitAsync(CancellationToken cancellationToken = default) => _engine.CommitAsync(cancellationToken);

    public ValueTask<SearchIndexHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => _engine.CheckHealthAsync(cancellationToken);

    private sealed record Entry(SearchRequestKey Key, SearchResults Results, DateTimeOffset Created, int Size);
}
