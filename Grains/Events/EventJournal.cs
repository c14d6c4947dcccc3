namespace TicketMaster.Grains.Events;

/// <summary>Where an event's journal lives: storage backends key it by this name.</summary>
public static class EventJournal
{
    public static string Name(string eventId) => "event/" + eventId;
}
