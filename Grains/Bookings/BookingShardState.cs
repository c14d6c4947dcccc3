using TicketMaster.Bookings;

namespace TicketMaster.Grains.Bookings;

/// <summary>A bookings shard as its snapshots store it: every booking begun, by id. Each fan's list is derived.</summary>
[GenerateSerializer, Alias("BookingShardState")]
public sealed class BookingShardState
{
    [Id(0)] public Dictionary<string, BookingEntry> Entries { get; set; } = [];

    [NonSerialized]
    private Dictionary<string, List<string>>? _byUser;

    /// <summary>The fan's booking ids, oldest first.</summary>
    public IReadOnlyList<string> IdsOf(string userId)
    {
        _byUser ??= Entries.Values.OrderBy(e => e.CreatedAt).GroupBy(e => e.UserId).ToDictionary(g => g.Key, g => g.Select(e => e.BookingId).ToList());
        return _byUser.TryGetValue(userId, out var ids) ? ids : [];
    }

    /// <summary>The one way a change reaches the shard, live or replayed.</summary>
    public void Apply(BookingChange change)
    {
        switch (change)
        {
            case BookingBegun begun when Entries.TryAdd(begun.Entry.BookingId, begun.Entry):
                if (_byUser is not null)
                {
                    if (!_byUser.TryGetValue(begun.Entry.UserId, out var ids)) _byUser[begun.Entry.UserId] = ids = [];
                    ids.Add(begun.Entry.BookingId);
                }
                break;
            case BookingForgotten forgotten when Entries.TryGetValue(forgotten.Entry.BookingId, out var begun) && begun == forgotten.Entry:
                Entries.Remove(begun.BookingId);
                if (_byUser?.GetValueOrDefault(begun.UserId) is { } theirs) theirs.Remove(begun.BookingId);
                break;
            case BookingDeclined declined when Entries.TryGetValue(declined.BookingId, out var entry):
                Entries[declined.BookingId] = entry with { DeclineReason = declined.Reason };
                break;
        }
    }
}
