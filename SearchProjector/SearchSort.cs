namespace TicketMaster.SearchProjector;

public enum SearchSort
{
    /// <summary>Best text match first; ties by date, then event id.</summary>
    Relevance,

    /// <summary>Soonest first; ties by event id, so pages never overlap.</summary>
    Date,
}
