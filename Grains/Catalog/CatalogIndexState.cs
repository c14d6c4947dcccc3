using TicketMaster.Catalog;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Catalog;

/// <summary>A list's snapshot: its lines in creation order.</summary>
[GenerateSerializer, Alias("CatalogIndexState")]
public sealed class CatalogIndexState
{
    [Id(0)] public List<CatalogEntry> Entries { get; set; } = [];
}

/// <summary>One group-commit batch of a list: lines added or replaced, in order.</summary>
[GenerateSerializer, Alias("CatalogIndexBatch")]
public sealed record CatalogIndexBatch([property: Id(0)] List<CatalogEntry> Puts) : IJournalBatch
{
    public int ChangeCount => Puts.Count;
}
