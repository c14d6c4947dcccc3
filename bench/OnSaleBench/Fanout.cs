namespace TicketMaster.Bench.OnSale;

/// <summary>Many callers working through numbered items together, as many frontends calling one grain would.</summary>
public static class Fanout
{
    /// <summary>Runs <paramref name="each"/> for items 0 to <paramref name="count"/> - 1, <paramref name="callers"/> at a time, each item once.</summary>
    public static Task Each(int count, int callers, Func<int, Task> each)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            await Task.Yield();
            int item;
            while ((item = Interlocked.Increment(ref next)) < count) await each(item);
        }));
    }
}
