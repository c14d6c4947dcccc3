using System.Diagnostics.Metrics;
using TicketMaster.SearchProjector.Http;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The search endpoint's answers, kept as the JSON it sends, like Elasticsearch's shard request cache: keyed by the
/// normalised query and page (<see cref="SearchRequestKey"/>), valid for one generation of the index
/// (<see cref="ISearchGeneration"/>): the first search after a refresh that changed matches, order, facets or shown
/// fields drops every older answer, so such a change is never missed. Availability is not in the generation: each answer
/// is kept with where its items' availability stands (<see cref="SearchAnswer"/>) and shows the engine's
/// <see cref="ISearchGeneration.Availability"/> when it is sent, so an on-sale's flips keep the cache. Bounded by bytes;
/// the least recently used go first. An answer whose window starts at "now" also ends when its first match starts (the
/// event leaves the window). Popular searches repeat (a Zipf curve), so a small cache answers most of the traffic.
/// Keeping the JSON rather than the engine's results costs a third of the memory (no descriptions or ids the answer does
/// not show) and a few objects per answer for the collector to move.
/// Off (<see cref="RequestCacheOptions.MaxBytes"/> 0, or an engine without a generation, whose own cache applies),
/// every search is asked of the engine and rendered.
/// </summary>
public sealed class SearchRequestCache
{
    /// <summary>Per entry: the entry, its list node, dictionary slot and array header.</summary>
    private const int EntryOverhead = 200;

    private readonly ISearchIndex _engine;
    private readonly ISearchGeneration? _generation;
    private readonly Func<SearchResults, SearchAnswer> _render;
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

    /// <param name="generation">The engine's generation and availability; null keeps nothing.</param>
    /// <param name="render">An answer as the endpoint sends it.</param>
    public SearchRequestCache(ISearchIndex engine, ISearchGeneration? generation, RequestCacheOptions options, TimeProvider time, Meter meter, Func<SearchResults, SearchAnswer> render)
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

    /// <summary>Bytes held now: the answers' JSON with their items' places, and a fixed cost per entry and its key.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The answer to <paramref name="query"/> as the endpoint sends it: UTF-8 JSON, shared between requests (do not change it).</summary>
    public ValueTask<byte[]> AnswerAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_generation is null) return Render(query, cancellationToken);
        // Read before the search: the engine then reads this generation or a newer one, never an older one.
        var generation = _generation.RefreshIfDue();
        var key = SearchRequestKey.For(query);
        var now = _time.GetUtcNow();
        if (TryGet(generation, key, now, out var node, out var entry))
        {
            _hits.Add(1);
            return new ValueTask<byte[]>(Current(node, entry));
        }
        _misses.Add(1);
        return Miss(query, generation, key, now, cancellationToken);
    }

    private async ValueTask<byte[]> Render(SearchQuery query, CancellationToken cancellationToken) =>
        _render(await _engine.SearchAsync(query, cancellationToken)).Json;

    private async ValueTask<byte[]> Miss(SearchQuery query, long generation, SearchRequestKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = await _engine.SearchAsync(query, cancellationToken);
        var answer = _render(results);
        Store(generation, key, answer, results.StableUntil, now);
        return answer.Json;
    }

    private bool TryGet(long generation, SearchRequestKey key, DateTimeOffset now, out LinkedListNode<Entry> found, out Entry entry)
    {
        lock (_lock)
        {
            found = null!;
            entry = null!;
            if (generation != _entriesGeneration)
            {
                if (generation > _entriesGeneration) StartGeneration(generation);
                return false;
            }
            if (!_entries.TryGetValue(key, out var node) || (key.FromNow && Aged(node.Value, now))) return false;
            _recency.Remove(node);
            _recency.AddFirst(node);
            found = node;
            entry = node.Value;
            return true;
        }
    }

    /// <summary>
    /// The cached answer showing availability as it is now. One that changed is kept in place of the old, so the next
    /// request for it is sent as it is; unless the entry went meanwhile (a new generation, an eviction).
    /// </summary>
    private byte[] Current(LinkedListNode<Entry> node, Entry entry)
    {
        var answer = entry.Answer.Showing(_generation!.Availability);
        if (ReferenceEquals(answer, entry.Answer)) return answer.Json;
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Key, out var held) && ReferenceEquals(held, node) && ReferenceEquals(node.Value, entry))
            {
                var size = Size(entry.Key, answer);
                node.Value = entry with { Answer = answer, Size = size };
                Interlocked.Add(ref _bytes, size - entry.Size);
                // A longer value ("available" for "few") may push the cache past its bound: the least recently used make room.
                MakeRoom(0, node);
            }
        }
        return answer.Json;
    }

    private static int Size(SearchRequestKey key, SearchAnswer answer) => EntryOverhead + key.EstimatedBytes + answer.EstimatedBytes;

    /// <summary>
    /// An answer whose window starts at "now" changes once its first match starts; an engine that does not say
    /// when that is gets <see cref="RequestCacheOptions.UpcomingMaxAge"/>.
    /// </summary>
    private bool Aged(Entry entry, DateTimeOffset now) =>
        entry.StableUntil is { } until ? now >= until : now - entry.Created >= _upcomingMaxAge;

    private void Store(long generation, SearchRequestKey key, SearchAnswer answer, DateTimeOffset? stableUntil, DateTimeOffset created)
    {
        var size = Size(key, answer);
        if (size > _maxBytes) return;
        lock (_lock)
        {
            // A newer generation has been seen meanwhile: this answer may be older than what searches read now.
            if (generation < _entriesGeneration) return;
            if (generation > _entriesGeneration) StartGeneration(generation);
            if (_entries.Remove(key, out var old)) Drop(old, evicted: false);
            MakeRoom(size, keep: null);
            var node = _recency.AddFirst(new Entry(key, answer, stableUntil, created, size));
            _entries[key] = node;
            Interlocked.Add(ref _bytes, size);
        }
    }

    /// <summary>Evicts the least recently used until <paramref name="size"/> more bytes fit, never <paramref name="keep"/>.</summary>
    private void MakeRoom(long size, LinkedListNode<Entry>? keep)
    {
        while (_bytes + size > _maxBytes && _recency.Last is { } last && last != keep)
        {
            _entries.Remove(last.Value.Key);
            Drop(last, evicted: true);
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

    private sealed record Entry(SearchRequestKey Key, SearchAnswer Answer, DateTimeOffset? StableUntil, DateTimeOffset Created, int Size);
}
