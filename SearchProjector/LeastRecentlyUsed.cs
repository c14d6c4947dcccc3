namespace TicketMaster.SearchProjector;

/// <summary>
/// Values by key within a bound of bytes, the least recently used out first, behind one lock: the eviction of the match
/// and document caches (<see cref="SearchCaches"/>). The bound is asked at every addition, so an owner can lend part of
/// it to what it keeps elsewhere. A key may be held without a value (<see cref="Note"/>): asked for once, its value not
/// kept yet; a note costs its key's bytes like a value does.
/// </summary>
public sealed class LeastRecentlyUsed<TKey, TValue>(Func<long> maxBytes) where TKey : notnull where TValue : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = [];

    /// <summary>Most recently used first.</summary>
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

    /// <summary>Whether the key is held, as a value or a note; the value when there is one. Marks it as just used.</summary>
    public bool TryGet(TKey key, out TValue? value)
    {
        lock (_lock)
        {
            value = null;
            if (!_entries.TryGetValue(key, out var node)) return false;
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
    }

    /// <summary>Holds the key without a value, unless it is held already.</summary>
    public void Note(TKey key, long bytes)
    {
        lock (_lock)
        {
            if (!_entries.ContainsKey(key)) Keep(key, null, bytes);
        }
    }

    /// <summary>
    /// Keeps <paramref name="value"/> under the key and returns it, in place of a note; when a value is held already (two
    /// searches built it at once) that first one stays and is returned.
    /// </summary>
    public TValue Add(TKey key, TValue value, long bytes)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.Value.Value is { } first) return first;
                Remove(existing);
            }
            Keep(key, value, bytes);
        }
        return value;
    }

    private void Keep(TKey key, TValue? value, long bytes)
    {
        var bound = maxBytes();
        if (bytes > bound) return;
        _entries[key] = _recency.AddFirst(new Entry(key, value, bytes));
        _bytes += bytes;
        while (_bytes > bound && _recency.Last is { } oldest) Remove(oldest);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }

    /// <summary>A kept value, or (<see cref="Value"/> null) only the note that its key was asked for.</summary>
    private sealed record Entry(TKey Key, TValue? Value, long Bytes);
}
