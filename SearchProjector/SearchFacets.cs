namespace TicketMaster.SearchProjector;

/// <summary>Counts over every match of a search, not only the page: most frequent first.</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<string, int> Category,
    IReadOnlyDictionary<string, int> City);
