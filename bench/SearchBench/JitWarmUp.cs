using System.Diagnostics;
using System.Runtime.CompilerServices;
using TicketMaster.Hosting.Seeding;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// Brings the process's code to the state of a frontend that has served for a while, without touching the measured
/// index: searches a small catalog of its own (another seed, its own match cache and word expansions) for a few seconds,
/// then lets the runtime finish compiling in the background. Without it the first searches measured run part of their
/// code unoptimised (tiered compilation starts methods at tier 0 and their loops on stack replacement, and promotes them
/// only once compiling has been quiet for a while), which made repeated queries five times slower in the first pass than
/// in the second and charged it to the words' first sight. A warm-up on the measured index's own queries would instead
/// make their words seen.
/// </summary>
public static class JitWarmUp
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Run(TimeProvider time, DateTimeOffset now, TimeSpan duration)
    {
        using var index = new LuceneSearchIndex(time);
        var documents = CatalogGenerator.Generate(20_000, seed: 4041, now).ToSearchDocuments().ToList();
        foreach (var document in documents) index.Apply(document);
        index.Refresh();
        var mix = QueryMix.Make(documents, now, 4_000, seed: 3);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++) index.Search(mix[i % mix.Count].Query);
        Thread.Sleep(TimeSpan.FromSeconds(1));
    }
}
