using TicketMaster.Grains.Persistence;
using TicketMaster.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace TicketMaster.Grains.Events;

/// <summary>
/// An event in memory: its state, the seat map over it, and <see cref="Apply"/>, the one way a
/// change reaches memory, whether a call just decided it or a replay of the journal reads it.
/// </summary>
public sealed class EventMemory
{
    private readonly string _eventId;
    private readonly List<EventChange>? _changes;

    /// <param name="changes">Where the seat map records the changes it decides; null to only replay.</param>
    public EventMemory(string eventId, EventState? snapshot, List<EventChange>? changes)
    {
        _eventId = eventId;
        _changes = changes;
        State = snapshot ?? new EventState();
        Map = State.Definition is null ? null : new SeatMap(eventId, State, changes);
    }

    public EventState State { get; }

    /// <summary>Null until the event is defined.</summary>
    public SeatMap? Map { get; private set; }

    public void Apply(EventChange change)
    {
        switch (change)
        {
            case EventDefined defined:
                State.Version++;
                if (defined.TellFans && State.Definition is { } before && Map is not null) Map.OweMovedMails(before.StartsAt, defined.DocumentVersion);
                State.Definition = defined.Definition;
                State.Performers = defined.Performers;
                State.DocumentVersion = defined.DocumentVersion;
                if (defined.ReservationKey is { } key) State.ReservationKey = key;
                if (defined.Owner is { } owner) State.Owner = owner;
                if (defined.Venue is { } venue)
                {
                    State.Venue = venue;
                    State.SeatOwners = [];
                    Map = new SeatMap(_eventId, State, _changes);
                }
                break;
            case QueueSwitched queue:
                State.Version++;
                State.QueueActive = queue.Active;
                break;
            case AvailabilityPublished published:
                State.Version++;
                State.SearchAvailability = published.Availability;
                State.DocumentVersion = published.DocumentVersion;
                break;
            case EventCancelled cancelled:
                State.Version++;
                State.Cancelled = true;
                State.SearchAvailability = Availability.Cancelled;
                State.DocumentVersion = cancelled.DocumentVersion;
                break;
            case MailsHandedOn handedOn:
                foreach (var id in handedOn.MailIds) State.MailsToHandOn.Remove(id);
                break;
            case BookingRefunded refunded:
                State.BookingsRefunded++;
                Seats().Apply(refunded);
                break;
            default:
                Seats().Apply(change);
                break;
        }
    }

    private SeatMap Seats() =>
        Map ?? throw new InvalidOperationException($"Event '{_eventId}': a seat change before the event was defined.");

    /// <summary>Reads an event's journal as an activation would: for tools and tests that check storage without the grain.</summary>
    public static async Task<EventMemory> Load(string eventId, IJournalStorage storage, Serializer serializer)
    {
        EventMemory? memory = null;
        var journal = new Journal<EventState, EventBatch>(storage, serializer, new JournalOptions(), EventJournal.Name(eventId), "event",
            NullLogger.Instance);
        await journal.Load(snapshot => memory = new EventMemory(eventId, snapshot, null), batch => batch.Changes.ForEach(memory!.Apply));
        return memory!;
    }
}
