namespace TicketMaster.SearchProjector;

/// <summary>
/// An index that can say which state a search would read now: the generation moves forward whenever a refresh makes
/// a change of matches, order, facets or shown fields visible, and stays put otherwise. Availability is not part of
/// it: an answer shows the <see cref="Availability"/> held when it is sent. What lets <see cref="SearchRequestCache"/>
/// reuse an answer; an engine without it (Elasticsearch, which indexes availability as a field) is searched every time.
/// </summary>
public interface ISearchGeneration
{
    /// <summary>The generation searches read now; reading it changes nothing.</summary>
    long Generation { get; }

    /// <summary>Makes pending changes visible when the engine's refresh is due, and returns the generation the next search reads.</summary>
    long RefreshIfDue();

    /// <summary>Each event's availability as searches show it now, fresh or cached.</summary>
    AvailabilityTable Availability { get; }
}
