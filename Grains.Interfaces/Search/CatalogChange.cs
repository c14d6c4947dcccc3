namespace TicketMaster.Search;

/// <summary>One entry of a catalog shard's change log.</summary>
[GenerateSerializer, Immutable, Alias("CatalogChange")]
public sealed record CatalogChange(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Sequence,
    [property: Id(2)] SearchDocument Document);

/// <summary>A page of a shard's change log after a given sequence.</summary>
[GenerateSerializer, Immutable, Alias("CatalogChangePage")]
public sealed record CatalogChangePage(
    [property: Id(0)] int Shard,
    [property: Id(1)] IReadOnlyList<CatalogChange> Changes,
    [property: Id(2)] long LastSequence);
