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
        lock (_lock)
        {
            if (_entries.TryGetValue((core, key), out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return (T)node.Value.Value;
            }
        }
        var value = build();
        var size = bytes(value) + key.Length * 2 + 96;
        if (size > maxBytes) return value;
        lock (_lock)
        {
            if (_entries.TryGetValue((core, key), out var raced)) return (T)raced.Value.Value;
            var node = _recency.AddFirst(new Entry(core, key, value, size));
            _entries[(core, key)] = node;
            _bytes += size;
            while (_bytes > maxBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove((oldest.Value.Core, oldest.Value.Key));
                _bytes -= oldest.Value.Bytes;
            }
        }
        return value;
    }

    private sealed record Entry(object Core, string Key, object Value, long Bytes);
}
