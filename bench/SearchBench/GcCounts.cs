namespace TicketMaster.Bench.Search;

/// <summary>Collections so far by generation, to report how many a pass caused.</summary>
public static class GcCounts
{
    public static int[] Now() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>"young/older/full" since <paramref name="before"/>.</summary>
    public static string Since(int[] before) => string.Join('/', Now().Select((count, generation) => count - before[generation]));
}
