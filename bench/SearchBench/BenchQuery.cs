using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>A query of the mix, with the kind it is reported under.</summary>
public sealed record BenchQuery(string Kind, SearchQuery Query);
