namespace TicketMaster.Silo.Tests;

/// <summary>Waiting for a condition the way the rules say: check often, give up at a deadline.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Calls until a call succeeds; past the deadline the last failure is thrown.</summary>
    public static async Task<T> UntilSucceedsAsync<T>(Func<Task<T>> call, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Interval);
            }
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"Not within {within}: {what}.");
            await Task.Delay(Interval);
        }
    }
}
