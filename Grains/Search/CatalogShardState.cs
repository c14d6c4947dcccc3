using TicketMaster.Search;

namespace TicketMaster.Grains.Search;

/// <summary>
/// A shard's compacted change log: only the latest change of each event is kept, so the state
/// grows with the number of events, not with the number of changes.
/// </summary>
[GenerateSerializer, Alias("CatalogShardState")]
public sealed class CatalogShardState
{
    /// <summary>The highest sequence ever assigned; it never goes down, even when entries are compacted away.</summary>
    [Id(0)] public long LastSequence { get; set; }

    /// <summary>The latest change per event id.</summary>
    [Id(1)] public Dictionary<string, CatalogChange> Latest { get; set; } = [];
}
