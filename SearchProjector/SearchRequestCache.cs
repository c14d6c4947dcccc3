using System.Diagnostics.Metrics;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The search endpoint's answers, kept as the JSON it sends, like Elasticsearch's shard request cache: keyed by the
/// normalised query and page (<see cref="SearchRequestKey"/>), valid for one generation of the index
/// (<see cref="ISearchGeneration"/>): the first search after a refresh drops every older answer, so an answer from an
/// older reader is never served. Bounded by bytes; the least recently used go first. An answer whose window starts at
/// "now" also ends when its first match starts (the event leaves the window). Popular searches repeat (a Zipf curve), so
/// a small cache answers most of the traffic. Keeping the JSON rather than the engine's results costs a third of the
/// memory (no descriptions or ids the answer does not show) and one object per answer for the collector to move.
/// Off (<see cref="RequestCacheOptions.MaxBytes"/> 0, or an engine without a generation, whose own cache applies),
/// every search is asked of the engine and rendered.
/// </summary>
public sealed class SearchRequestCache
{
    /// <summary>Per entry: the entry, its list node, dictionary slot and array header.</summary>
    private const int EntryOverhead = 200;

    private readonly ISearchIndex _engine;
    private readonly ISearchGeneration? _generation;
    private readonly Func<SearchResults, byte[]> _render;
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

    /// <param name="generation">The engine's reader generation; null keeps nothing.</param>
    /// <param name="render">An answer as the endpoint sends it.</param>
    public SearchRequestCache(ISearchIndex engine, ISearchGeneration? generation, RequestCacheOptions options, TimeProvider time, Meter meter, Func<SearchResults, byte[]> render)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxBytes);
        _engine = engine;
        _generation = options.MaxBytes > 0 ? generation : null;
        _render = render;
        _maxBytes = options.MaxBytes;
        _upcomingMaxAge = options.UpcomingMaxAge;
        _time = time;
        _hits = meter.CreateCounter<long>(SearchMetrics.CacheHits, "{search}", "Searches answered from the request cache.");
        _misses = meter.CreateCounter<long>(SearchMetrics.CacheMisses, "{search}", "Searches the request cache passed to the engine.");
        _evictions = meter.CreateCounter<long>(SearchMetrics.CacheEvictions, "{search}", "Answers dropped from the request cache to stay within its bytes.");
        meter.CreateObservableGauge(SearchMetrics.CacheBytes, () => Interlocked.Read(ref _bytes), "By", "Bytes of answers in the request cache.");
    }

    /// <summary>Whether answers are kept.</summary>
    public bool Enabled => _generation is not null;

    /// <summary>Answers held now.</summary>
    public int Answers
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    /// <summary>Bytes held now: the answers' JSON and a fixed cost per entry and its key.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The answer to <paramref name="query"/> as the endpoint sends it: UTF-8 JSON, shared between requests (do not change it).</summary>
    public ValueTask<byte[]> AnswerAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_generation is null) return Render(query, cancellationToken);
        // Read before the search: the engine then reads this generation or a newer one, never an older one.
        var generation = _generation.Generation;
        var key = SearchRequestKey.For(query);
        var now = _time.GetUtcNow();
        if (TryGet(generation, key, now, out var cached))
        {
            _hits.Add(1);
            return new ValueTask<byte[]>(cached);
        }
        _misses.Add(1);
        return Miss(query, generation, key, now, cancellationToken);
    }

    private async ValueTask<byte[]> Render(SearchQuery query, CancellationToken cancellationToken) =>
        _render(await _engine.SearchAsync(query, cancellationToken));

    private async ValueTask<byte[]> Miss(SearchQuery query, long generation, SearchRequestKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = await _engine.SearchAsync(query, cancellationToken);
        var json = _render(results);
        Store(generation, key, json, results.StableUntil, now);
        return json;
    }

    private bool TryGet(long generation, SearchRequestKey key, DateTimeOffset now, out byte[] json)
    {
        lock (_lock)
        {
            if (generation != _entriesGeneration)
            {
                if (generation > _entriesGeneration) StartGeneration(generation);
                json = null!;
                return false;
            }
            if (!_entries.TryGetValue(key, out var node) || (key.FromNow && Aged(node.Value, now)))
            {
                json = null!;
                return false;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            json = node.Value.Json;
            return true;
        }
    }

    /// <summary>
    /// An answer whose window starts at "now" changes once its first match starts; an engine that does not say
    /// when that is gets <see cref="RequestCacheOptions.UpcomingMaxAge"/>.
    /// </summary>
    private bool Aged(Entry entry, DateTimeOffset now) =>
        entry.StableUntil is { } until ? now >= until : now - entry.Created >= _upcomingMaxAge;

    private void Store(long generation, SearchRequestKey key, byte[] json, DateTimeOffset? stableUntil, DateTimeOffset created)
    {
        var size = EntryOverhead + key.EstimatedBytes + json.Length;
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
            var node = _recency.AddFirst(new Entry(key, json, stableUntil, created, size));
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

    private sealed record Entry(SearchRequestKey Key, byte[] Json, DateTimeOffset? StableUntil, DateTimeOffset Created, int Size);
}
