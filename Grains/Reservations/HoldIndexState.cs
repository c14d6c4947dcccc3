using TicketMaster.Grains.Persistence;
using TicketMaster.Reservations;

namespace TicketMaster.Grains.Reservations;

/// <summary>A hold-index shard's journal record: the notes of one batch.</summary>
[GenerateSerializer, Alias("HoldsNoted")]
public sealed record HoldsNoted([property: Id(0)] List<HoldNote> Notes, [property: Id(1)] DateTimeOffset At);

[GenerateSerializer, Alias("HoldIndexBatch")]
public sealed record HoldIndexBatch([property: Id(0)] List<HoldsNoted> Changes) : IJournalBatch
{
    public int ChangeCount => Changes.Count;
}

/// <summary>
/// Per fan, the events they held seats on and until when. Entries past their time are dropped as
/// notes arrive; a dropped or a kept expired entry reads the same (nothing), so live and replayed
/// shards may differ only in what nobody sees.
/// </summary>
[GenerateSerializer, Alias("HoldIndexState")]
public sealed class HoldIndexState
{
    [Id(0)] public Dictionary<string, Dictionary<string, DateTimeOffset>> Fans { get; set; } = [];

    [NonSerialized]
    private int _sinceSweep;

    public void Apply(HoldsNoted noted)
    {
        foreach (var note in noted.Notes)
        {
            if (!Fans.TryGetValue(note.UserId, out var events)) Fans[note.UserId] = events = [];
            if (!events.TryGetValue(note.EventId, out var until) || until < note.Until) events[note.EventId] = note.Until;
        }
        // Sweeping costs the whole shard, so it runs once per many notes.
        _sinceSweep += noted.Notes.Count;
        if (_sinceSweep < 4096) return;
        _sinceSweep = 0;
        foreach (var (fan, events) in Fans.ToList())
        {
            foreach (var (eventId, until) in events.ToList())
            {
                if (until <= noted.At) events.Remove(eventId);
            }
            if (events.Count == 0) Fans.Remove(fan);
        }
    }

    public IReadOnlyList<string> EventsOf(string userId, DateTimeOffset now) =>
        Fans.TryGetValue(userId, out var events)
            ? [.. events.Where(e => e.Value > now).OrderByDescending(e => e.Value).Take(HoldIndex.MaxEventsPerFan).Select(e => e.Key)]
            : [];
}
