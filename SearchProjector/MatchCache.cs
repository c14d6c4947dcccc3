namespace TicketMaster.SearchProjector;

/// <summary>
/// What a word or a keyword matches in one segment (<see cref="RankSet"/>s and <see cref="WordMatches"/>), kept between
/// searches like Elasticsearch's query cache keeps filter bitsets per segment: a segment never changes, so an entry stays
/// true for as long as the segment lives, across refreshes; only new segments build theirs. Entries of merged-away
/// segments are never asked for again and leave by age. Two searches missing the same entry at once may both build it;
/// the second copy is dropped. A key may also be only <em>noted</em> (<see cref="Note"/>): asked for once, its value not
/// kept yet, as Lucene's query cache admits a filter once it recurs. Bounded by <see cref="SearchCaches"/>.
/// </summary>
public sealed class MatchCache
{
    /// <summary>Per entry beside its value and key: the entry, its list node and dictionary slot.</summary>
    private const int EntryOverhead = 96;

    private readonly LeastRecentlyUsed<(object Core, string Key), object> _entries;

    /// <param name="maxBytes">The bound, asked at every addition.</param>
    public MatchCache(Func<long> maxBytes) => _entries = new(maxBytes);

    public MatchCache(long maxBytes)
        : this(() => maxBytes)
    {
    }

    public long Bytes => _entries.Bytes;

    public int Count => _entries.Count;

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
        noted = _entries.TryGet((core, key), out var value);
        return value;
    }

    /// <summary>Notes that the key was asked for, keeping no value: a later <see cref="Get(object, string, out bool)"/> says so.</summary>
    public void Note(object core, string key) => _entries.Note((core, key), Size(key, 0));

    /// <summary>
    /// Keeps <paramref name="value"/> under the key and returns it, in place of a note; when a value is kept already (two
    /// searches built it at once) the first copy stays and is returned.
    /// </summary>
    public T Add<T>(object core, string key, T value, long bytes) where T : class => (T)_entries.Add((core, key), value, Size(key, bytes));

    private static long Size(string key, long bytes) => bytes + key.Length * 2 + EntryOverhead;
}
