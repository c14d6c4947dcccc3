namespace TicketMaster.Grains.Events;

/// <summary>
/// The recent seat changes of one event, (version, seat) in version order, so a reader that has
/// version N can be told only what changed after N. Derived in memory, never stored: it starts
/// empty at the version it was created at (<see cref="Floor"/>), and once it is full the oldest
/// entries go and the floor rises past them. A reader older than the floor gets the whole section.
/// </summary>
public sealed class SeatChangeLog
{
    private const int InitialSize = 256;

    private readonly int _capacity;
    private readonly long[] _sectionChanged;
    private long[] _versions = [];
    private int[] _ordinals = [];
    private int _start;
    private int _count;

    /// <param name="capacity">At most this many seat changes are kept; storage grows on demand up to it.</param>
    /// <param name="version">The event's version now: every change after it will be recorded.</param>
    /// <param name="sections">How many sections the event has, for each one's last change.</param>
    /// <param name="epoch">Tells this log's versions apart from another activation's, whose memory may differ at the same number.</param>
    public SeatChangeLog(int capacity, long version, int sections, long epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        Floor = version;
        Epoch = epoch;
        _sectionChanged = new long[sections];
        Array.Fill(_sectionChanged, version);
    }

    /// <summary>Every seat change after this version is in the log.</summary>
    public long Floor { get; private set; }

    public long Epoch { get; }

    public int Count => _count;

    /// <summary>The version of the last change to a seat of <paramref name="section"/> (or the floor): what its ETag is made of.</summary>
    public long SectionChanged(int section) => _sectionChanged[section];

    /// <summary>Seat <paramref name="ordinal"/> of <paramref name="section"/> changed status at <paramref name="version"/> (never below the last one recorded).</summary>
    public void Record(long version, int section, int ordinal)
    {
        _sectionChanged[section] = version;
        if (_count == _versions.Length && _count < _capacity) Grow();
        if (_count == _capacity)
        {
            // The oldest change goes: a reader that has not seen it can no longer be answered by change.
            Floor = Math.Max(Floor, _versions[_start]);
            _start = (_start + 1) % _capacity;
            _count--;
        }
        var at = (_start + _count) % _versions.Length;
        _versions[at] = version;
        _ordinals[at] = ordinal;
        _count++;
    }

    /// <summary>
    /// The distinct seats in [<paramref name="from"/>, <paramref name="to"/>) that changed after
    /// <paramref name="since"/> (which must be at least <see cref="Floor"/>), or false when more
    /// than <paramref name="limit"/> did: then the whole section is the smaller answer.
    /// </summary>
    public bool TryChangedSince(long since, int from, int to, int limit, HashSet<int> changed)
    {
        if (since < Floor) throw new ArgumentOutOfRangeException(nameof(since), since, $"Below the log's floor {Floor}.");
        for (var i = FirstAfter(since); i < _count; i++)
        {
            var ordinal = _ordinals[(_start + i) % _versions.Length];
            if (ordinal >= from && ordinal < to && changed.Add(ordinal) && changed.Count > limit) return false;
        }
        return true;
    }

    /// <summary>The logical index of the first entry newer than <paramref name="since"/>: versions only grow, so a binary search.</summary>
    private int FirstAfter(long since)
    {
        int low = 0, high = _count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_versions[(_start + middle) % _versions.Length] <= since) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private void Grow()
    {
        var size = Math.Min(_capacity, Math.Max(InitialSize, _versions.Length * 2));
        var versions = new long[size];
        var ordinals = new int[size];
        for (var i = 0; i < _count; i++)
        {
            versions[i] = _versions[(_start + i) % _versions.Length];
            ordinals[i] = _ordinals[(_start + i) % _versions.Length];
        }
        (_versions, _ordinals, _start) = (versions, ordinals, 0);
    }
}
