namespace TicketMaster.SearchProjector;

/// <summary>What a search found before its documents are loaded: every match counted, one page of index doc ids, the earliest start (UTC ticks; long.MaxValue when none).</summary>
public sealed record SearchResultsPage(int Total, IReadOnlyList<int> Docs, SearchFacets Facets, long FirstStartTicks);
