namespace TicketMaster.Search;

/// <summary>
/// A durable, ordered change log of search documents for the events that hash to this shard
/// (key: shard number). The log is the truth search replicas converge on; the stream is the fast path.
/// </summary>
[Alias("ICatalogShardGrain")]
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    /// <summary>Appends the document (ignored when an equal or newer version is logged) and pushes it on the stream.</summary>
    [Alias("Append")]
    Task Append(SearchDocument document);

    /// <summary>Changes with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    [Alias("GetChanges")]
    Task<CatalogChangePage> GetChanges(long afterSequence, int maxCount);
}
