using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// Catalog changes at a steady rate while searches run, as an on-sale brings them: events' availability badges flip
/// (available, few left, sold out), each a new version of the event applied to the index. The bench's clock follows
/// real time meanwhile, as in a frontend. A change of availability alone moves neither the reader nor the generation
/// the request cache is valid for: cached answers show the new value when they are sent.
/// </summary>
public sealed class CatalogChanges(LuceneSearchIndex index, FakeTimeProvider time, IReadOnlyList<SearchDocument> events, int perSecond)
{
    private static readonly string[] Badges = [Availability.Available, Availability.Few, Availability.SoldOut];

    public int Applied { get; private set; }

    /// <summary>Moves of the index's generation seen (checked every 10 ms), each of which empties the request cache.</summary>
    public int Generations { get; private set; }

    public async Task Run(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var generation = index.Generation;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var elapsed = clock.Elapsed;
                time.Advance(elapsed - last);
                last = elapsed;
                for (var due = (int)(elapsed.TotalSeconds * perSecond); Applied < due; Applied++)
                {
                    var round = Applied / events.Count;
                    var source = events[Applied % events.Count];
                    index.Apply(source with { Version = source.Version + 1 + round, Availability = Badges[(round + 1) % Badges.Length] });
                }
                if (index.Generation != generation)
                {
                    generation = index.Generation;
                    Generations++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
