using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The search read index (docs/architecture.md, "Search"): a replica fed by catalog changes. Lucene.Net here;
/// an Elasticsearch backend would implement the same seam.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Stores the document unless the index already holds this event at an equal or newer version.</summary>
    /// <returns>Whether the document was stored.</returns>
    bool Apply(SearchDocument document);

    ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many events the index holds, past ones included.</summary>
    int Count { get; }

    /// <summary>The sequence of the shard's change log up to which every change has been applied.</summary>
    long GetCheckpoint(int shard);

    /// <summary>Moves the shard's checkpoint forward; a lower sequence is ignored.</summary>
    void AdvanceCheckpoint(int shard, long sequence);

    /// <summary>Makes the applied documents and checkpoints durable together, where the index is on disk.</summary>
    void Commit();
}
