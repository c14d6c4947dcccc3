using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>The asynchronous seam over the embedded index: everything here completes at once.</summary>
public sealed partial class LuceneSearchIndex
{
    private static readonly SearchIndexHealth Embedded = new(true, "The embedded Lucene index answers locally.");

    ValueTask ISearchIndex.OpenAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask<int> ISearchIndex.ApplyAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var document in documents)
        {
            if (Apply(document)) stored++;
        }
        return ValueTask.FromResult(stored);
    }

    ValueTask<long> ISearchIndex.CountAsync(CancellationToken cancellationToken) => ValueTask.FromResult((long)Count);

    ValueTask ISearchIndex.CommitAsync(CancellationToken cancellationToken)
    {
        Commit();
        return ValueTask.CompletedTask;
    }

    ValueTask<SearchIndexHealth> ISearchIndex.CheckHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Embedded);
}
