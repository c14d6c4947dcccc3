namespace TicketMaster.SearchProjector;

/// <summary>
/// What a word or a keyword matches in one segment (<see cref="RankSet"/>s), kept between searches like Elasticsearch's
/// query cache keeps filter bitsets per segment: a segment never changes, so an entry stays true for as long as the
/// segment lives, across refreshes; only new segments build theirs. Entries of merged-away segments are simply never
/// asked for again and leave by age. Bounded by bytes, least recently used first. Two searches missing the same entry
/// at once may both build it; the second copy is dropped.
/// </summary>
public sealed class MatchCache(long maxBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(object Core, string Key), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    public long Bytes
    {
        get
        {
            lock (_lock) return _bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    public T GetOrAdd<T>(object core, string key, Func<T> build, Func<T, long> bytes) where T : class
    {
        if (Get(core, key) is T cached) return cached;
        var value = build();
        return Add(core, key, value, bytes(value));
    }

    /// <summary>The entry under the key, if any, marked as just used.</summary>
    public object? Get(object core, string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue((core, key), out var node)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Value;
        }
    }

    /// <summary>
    /// Keeps <paramref name="value"/> under the key and returns it, replacing what is there unless that is already a value
    /// of the same type (two searches built it at once): then the first copy stays and is returned.
    /// </summary>
    public T Add<T>(object core, string key, T value, long bytes) where T : class
    {
        var size = bytes + key.Length * 2 + 96;
        lock (_lock)
        {
            if (_entries.TryGetValue((core, key), out var existing))
            {
                if (existing.Value.Value is T first) return first;
                Remove(existing);
            }
            if (size > maxBytes) return value;
            var node = _recency.AddFirst(new Entry(core, key, value, size));
            _entries[(core, key)] = node;
            _bytes += size;
            while (_bytes > maxBytes && _recency.Last is { } oldest) Remove(oldest);
        }
        return value;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove((node.Value.Core, node.Value.Key));
        _bytes -= node.Value.Bytes;
    }

    private sealed record Entry(object Core, string Key, object Value, long Bytes);
}
