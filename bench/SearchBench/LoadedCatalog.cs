using System.Diagnostics;
using System.Runtime.CompilerServices;
using TicketMaster.Hosting.Seeding;
using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The generated catalog applied to the index, and every query set the bench draws from it, made in a method of its own:
/// once it returns, the million generated documents are unreachable (a top-level program's locals and temporaries can
/// stay alive to its end, and did: the searches were measured beside 800 MB of documents).
/// </summary>
public sealed record LoadedCatalog(
    TimeSpan GenerateTime,
    TimeSpan IndexTime,
    int Indexed,
    List<BenchQuery> Mix,
    List<BenchQuery> Distinct,
    List<(string Set, PostgresSearch.TextMode Mode, List<SearchQuery> Queries)> LikeForLike,
    string? ScanRows,
    List<SearchDocument> Changing,
    Memory WithDocuments)
{
    public const int Seed = 2027;

    public static List<SearchDocument> Generate(int events, DateTimeOffset now) =>
        CatalogGenerator.Generate(events, Seed, now).ToSearchDocuments().ToList();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static LoadedCatalog Load(LuceneSearchIndex index, int events, DateTimeOffset now, int measured, int zipfQueries, bool scan, TimeProvider time)
    {
        Console.WriteLine($"Generating {events:N0} events...");
        var clock = Stopwatch.StartNew();
        var documents = Generate(events, now);
        var generateTime = clock.Elapsed;
        Console.WriteLine("Indexing...");
        clock.Restart();
        var indexed = documents.Count(index.Apply);
        index.Commit();
        var indexTime = clock.Elapsed;
        return new LoadedCatalog(
            generateTime,
            indexTime,
            indexed,
            QueryMix.Make(documents, now, measured, seed: 7),
            QueryMix.Make(documents, now, zipfQueries, seed: 9),
            Search.LikeForLike.Sets(documents, now, 200, seed: 11),
            scan ? ScanBaseline.Run(documents, time, now) : null,
            // Events whose availability flips in the phase with catalog changes: one in 200.
            documents.Where((_, i) => i % 200 == 0).ToList(),
            Memory.Now());
    }
}
