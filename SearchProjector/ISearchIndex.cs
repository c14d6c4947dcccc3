using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The search read index (docs/architecture.md, "Search"): a replica fed by catalog changes. Lucene.Net
/// embedded in each frontend by default, or one Elasticsearch index shared by every frontend
/// (docs/elasticsearch.md). Asynchronous where a network engine needs it.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Makes the index ready to write and read: loads the checkpoints, creates mappings. Safe to call again after a failure.</summary>
    ValueTask OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores each document unless the index already holds its event at an equal or newer version, so
    /// replays and out-of-order deliveries are harmless.
    /// </summary>
    /// <returns>How many documents were stored.</returns>
    ValueTask<int> ApplyAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default);

    ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many events the index holds, past ones included.</summary>
    ValueTask<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The sequence of the shard's change log up to which every change has been applied.</summary>
    long GetCheckpoint(int shard);

    /// <summary>Moves the shard's checkpoint forward; a lower sequence is ignored.</summary>
    void AdvanceCheckpoint(int shard, long sequence);

    /// <summary>Makes the applied documents and checkpoints durable, so a restarted projector resumes from them.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the engine can answer searches now (for <c>/readyz</c>).</summary>
    ValueTask<SearchIndexHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
