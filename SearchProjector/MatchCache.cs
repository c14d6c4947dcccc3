namespace TicketMaster.SearchProjector;

/// <summary>
/// What a word or a keyword matches in one segment (<see cref="RankSet"/>s), kept between searches like Elasticsearch's
/// query cache keeps filter bitsets per segment: a segment never changes, so an entry stays true for as long as the
/// segment lives, across refreshes; only new segments build theirs. Entries of merged-away segments are simply never
/// asked for again and leave by age. Bounded by bytes, least recently used first. Two searches missing the same entry
/// at once may both build it; the second copy is dropped. A key may also be only <em>noted</em> (<see cref="Note"/>):
/// asked for once, its value not kept yet, as Lucene's query cache admits a filter once it recurs; notes share the bound.
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

    /// <summary>The value under the key, if one is kept, marked as just used.</summary>
    public object? Get(object core, string key) => Get(core, key, out _);

    /// <summary>The value under the key, if one is kept; <paramref name="noted"/> says whether the key was at least noted.</summary>
    public object? Get(object core, string key, out bool noted)
    {
        lock (_lock)
        {
            noted = _entries.TryGetValue((core, key), out var node);
            if (!noted) return null;
            _recency.Remove(node!);
            _recency.AddFirst(node!);
            return node!.Value.Value;
        }
    }

    /// <summary>Notes that the key was asked for, keeping no value: a later <see cref="Get(object, string, out bool)"/> says so.</summary>
    public void Note(object core, string key)
    {
        lock (_lock)
        {
            if (!_entries.ContainsKey((core, key))) Keep(core, key, null, key.Length * 2 + 96);
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
            Keep(core, key, value, size);
        }
        return value;
    }

    private void Keep(object core, string key, object? value, long size)
    {
        if (size > maxBytes) return;
        var node = _recency.AddFirst(new Entry(core, key, value, size));
        _entries[(core, key)] = node;
        _bytes += size;
        while (_bytes > maxBytes && _recency.Last is { } oldest) Remove(oldest);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove((node.Value.Core, node.Value.Key));
        _bytes -= node.Value.Bytes;
    }

    /// <summary>A kept value, or (<see cref="Value"/> null) only the note that its key was asked for.</summary>
    private sealed record Entry(object Core, string Key, object? Value, long Bytes);
}
