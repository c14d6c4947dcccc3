using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>One search replica, as a web frontend runs it: its own index fed by its own projector.</summary>
public sealed class Replica : IAsyncDisposable
{
    private Replica(LuceneSearchIndex index, CatalogProjector projector, SearchReadiness readiness)
    {
        Index = index;
        Projector = projector;
        Readiness = readiness;
    }

    public LuceneSearchIndex Index { get; }

    public CatalogProjector Projector { get; }

    public SearchReadiness Readiness { get; }

    public static async Task<Replica> Start(IClusterClient client, bool useStream, TimeSpan pullInterval)
    {
        var index = new LuceneSearchIndex(TimeProvider.System);
        var readiness = new SearchReadiness();
        var options = Options.Create(new SearchOptions { UseStream = useStream, PullInterval = pullInterval, PullBatchSize = 50 });
        var projector = new CatalogProjector(client, index, readiness, options, TimeProvider.System, NullLogger<CatalogProjector>.Instance);
        await projector.StartAsync(CancellationToken.None);
        await readiness.CaughtUp.WaitAsync(TimeSpan.FromSeconds(30));
        return new Replica(index, projector, readiness);
    }

    /// <summary>Searches until <paramref name="done"/> holds or the deadline passes; returns the last answer.</summary>
    public Task<SearchResults> SearchUntil(SearchQuery query, Func<SearchResults, bool> done, TimeSpan? deadline = null) =>
        Eventually.Last(async () => await Index.SearchAsync(query), done, deadline);

    public async ValueTask DisposeAsync()
    {
        await Projector.StopAsync(CancellationToken.None);
        Projector.Dispose();
        Index.Dispose();
    }
}
