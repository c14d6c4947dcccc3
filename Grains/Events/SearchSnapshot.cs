using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// What the event's search document is made of, at one instant. They are replaced, never changed in place,
/// so taking them is a few references, cheap enough for every batch.
/// </summary>
public sealed record SearchSnapshot(EventDefinition Definition, Venue Venue, List<Performer> Performers, string Availability, long DocumentVersion)
{
    public static SearchSnapshot? Of(EventState state) =>
        state.Definition is null || state.Venue is null
            ? null
            : new SearchSnapshot(state.Definition, state.Venue, state.Performers, state.SearchAvailability, state.DocumentVersion);
}
