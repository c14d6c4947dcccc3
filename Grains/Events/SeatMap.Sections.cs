using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>The seat map read by section and by change: what a stadium's page polls.</summary>
public sealed partial class SeatMap
{
    /// <summary>Null until a section is first read: an event nobody reads by section keeps no log.</summary>
    private SeatChangeLog? _changeLog;

    /// <summary>
    /// Starts recording seat changes from now, if not already: a reader asking since an earlier
    /// version gets the whole section.
    /// </summary>
    public void TrackChanges(int capacity, long epoch) =>
        _changeLog ??= new SeatChangeLog(capacity, _state.Version, _sections.Length, epoch);

    /// <summary>A seat's status changed in the change now applied; called wherever a seat's owner is set.</summary>
    private void Changed(int ordinal) => _changeLog?.Record(_state.Version, SectionOf(ordinal).Index, ordinal);

    /// <summary>
    /// One section's seats: only those that changed after <paramref name="since"/> when the log can
    /// tell (same <paramref name="epoch"/>, not older than its floor, and fewer changes than would make
    /// the whole section smaller), else the whole section. Requires <see cref="TrackChanges"/>.
    /// </summary>
    public SectionSeatsResult ReadSection(string sectionId, long? since, long? epoch)
    {
        var log = _changeLog ?? throw new InvalidOperationException("Seat changes are not tracked; call TrackChanges first.");
        if (!_sectionIndex.TryGetValue(sectionId, out var index)) return SectionSeatsResult.SectionNotFound;
        var section = _sections[index];
        var from = section.IsGeneralAdmission ? 0 : section.Offset;
        var to = section.IsGeneralAdmission ? 0 : section.Offset + section.Capacity;

        int[]? changes = null;
        if (since is { } known && (epoch is null || epoch == log.Epoch) && known >= log.Floor && known <= _state.Version)
        {
            // A change is written as up to nine bytes ("[9999,1],"), a seat of the whole section as one.
            var changed = new HashSet<int>();
            if (log.TryChangedSince(known, from, to, section.Capacity / 10, changed))
            {
                changes = new int[changed.Count * 2];
                var i = 0;
                foreach (var ordinal in changed.Order())
                {
                    changes[i++] = ordinal - from;
                    changes[i++] = (int)StatusOf(ordinal);
                }
            }
        }
        return SectionSeatsResult.Ok(new SectionSeats(
            _eventId, section.SectionId, _state.Version, log.Epoch, log.SectionChanged(index),
            section.Definition.Rows, section.Definition.SeatsPerRow, Available(index), Held(index), Sold(index),
            changes is null, changes is null ? Statuses(from, to) : null, changes));
    }

    private string Statuses(int from, int to) =>
        string.Create(to - from, (Owners: _state.SeatOwners, From: from), static (chars, s) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = s.Owners[s.From + i] switch { 0 => '0', < 0 => '2', _ => '1' };
            }
        });
}
