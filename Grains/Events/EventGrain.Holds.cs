using Microsoft.Extensions.Logging;
using TicketMaster.Events;
using TicketMaster.Reservations;

namespace TicketMaster.Grains.Events;

/// <summary>
/// A fan's holds from any device. The event tells the fans' hold index about new holds after they
/// are durable, batched and never awaited by the caller: at most one flush is in flight, and the
/// holds that arrive meanwhile go together in the next. The index only says which events to ask;
/// whether a hold is still active (not expired, released or bought) is this grain's to say.
/// </summary>
public sealed partial class EventGrain
{
    private List<HoldNote> _holdNotes = [];
    private Task _noting = Task.CompletedTask;

    public Task<IReadOnlyList<Reservation>> HoldsOf(string userId)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<IReadOnlyList<Reservation>>([]));
        Map.ExpireDue(Now);
        return Task.FromResult(Map.HoldsOf(userId));
    }

    /// <summary>Called with a batch's changes once they are durable.</summary>
    private void NoteHolds(List<EventChange> durable)
    {
        foreach (var change in durable)
        {
            if (change is HoldAdded added) _holdNotes.Add(new HoldNote(added.UserId, EventId, added.ExpiresAt));
        }
        if (_holdNotes.Count > 0 && _noting.IsCompleted) _noting = FlushHoldNotes();
    }

    private async Task FlushHoldNotes()
    {
        while (_holdNotes.Count > 0)
        {
            var notes = _holdNotes;
            _holdNotes = [];
            try
            {
                await Task.WhenAll(notes.GroupBy(n => HoldIndex.ShardOf(n.UserId))
                    .Select(shard => GrainFactory.GetGrain<IHoldIndexGrain>(shard.Key).Note([.. shard])));
            }
            catch (Exception e)
            {
                // The holds stand; only the fans' other devices will not list them.
                LogHoldNotesLost(logger, e, EventId, notes.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: {Count} holds could not be noted in the fans' hold index")]
    private static partial void LogHoldNotesLost(ILogger logger, Exception exception, string eventId, int count);
}
