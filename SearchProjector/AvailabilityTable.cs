using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// What this replica shows of each event's availability, with the version it came with: one entry per event the index
/// holds. Availability flips during an on-sale without changing any match, order, facet or other shown field, so it is
/// kept here, apart from the index's reader generation (<see cref="ISearchGeneration"/>): a search, fresh or cached,
/// shows the value held here when it is sent, and a flip costs no cached answer. The index writes it too, so a restart
/// starts from it; the catalog shards' change log stays the truth both converge on.
/// </summary>
public sealed class AvailabilityTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The version held for the event: the newest of its documents applied; null when it is unknown.</summary>
    public long? VersionOf(string eventId)
    {
        lock (_lock) return _entries.TryGetValue(eventId, out var entry) ? entry.Version : null;
    }

    /// <summary>Holds <paramref name="availability"/> unless an equal or newer version is held; false then.</summary>
    public bool Set(string eventId, long version, string availability)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(availability);
        lock (_lock)
        {
            if (_entries.TryGetValue(eventId, out var held) && held.Version >= version) return false;
            _entries[eventId] = new Entry(version, Shared(availability));
            return true;
        }
    }

    /// <summary><paramref name="document"/> with the availability and version held, when the table holds its event at its version or newer.</summary>
    public SearchDocument Current(SearchDocument document)
    {
        Entry held;
        lock (_lock)
        {
            if (!_entries.TryGetValue(document.EventId, out held) || held.Version < document.Version) return document;
        }
        return held.Version == document.Version && held.Availability == document.Availability
            ? document
            : document with { Version = held.Version, Availability = held.Availability };
    }

    /// <summary>
    /// Null when each of <paramref name="eventIds"/> shows what is held (or nothing is held for it), so an answer showing
    /// <paramref name="shown"/> is current; else the availability to show for each, in order. One lock for the page.
    /// </summary>
    public string[]? Changed(IReadOnlyList<string> eventIds, IReadOnlyList<string> shown)
    {
        string[]? current = null;
        lock (_lock)
        {
            for (var i = 0; i < eventIds.Count; i++)
            {
                if (!_entries.TryGetValue(eventIds[i], out var held) || held.Availability == shown[i]) continue;
                current ??= [.. shown];
                current[i] = held.Availability;
            }
        }
        return current;
    }

    /// <summary>The known values as one shared string each: a million entries must not hold a million copies of "available".</summary>
    private static string Shared(string availability) => availability switch
    {
        Availability.Available => Availability.Available,
        Availability.Few => Availability.Few,
        Availability.SoldOut => Availability.SoldOut,
        Availability.Cancelled => Availability.Cancelled,
        _ => availability,
    };

    private readonly record struct Entry(long Version, string Availability);
}
