using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The fields of the search document at one instant. They are replaced, never changed in place,
/// so taking them is a few references, cheap enough for every batch.
/// </summary>
public sealed record SearchFields(EventDefinition Definition, Venue Venue, List<Performer> Performers, string Availability, long DocumentVersion)
{
    public static SearchFields? Of(EventState state) =>
        state.Definition is null || state.Venue is null
            ? null
            : new SearchFields(state.Definition, state.Venue, state.Performers, state.SearchAvailability, state.DocumentVersion);
}
