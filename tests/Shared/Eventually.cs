using Xunit;

namespace TicketMaster;

/// <summary>
/// The tests' one way to wait for something that happens in the background (a sweep, a projection, a
/// snapshot): check often, fail at a deadline naming what never came. A deadline bounds a broken run; it
/// is never what a test measures.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(10);

    public static async Task True(Func<Task<bool>> condition, TimeSpan? within = null, string what = "the condition came true")
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {within ?? DefaultWithin}: {what}.");
            await Task.Delay(Interval);
        }
    }

    public static Task True(Func<bool> condition, TimeSpan? within = null, string what = "the condition came true") =>
        True(() => Task.FromResult(condition()), within, what);

    /// <summary>The first value <paramref name="probe"/> gives that is not null.</summary>
    public static async Task<T> Value<T>(Func<Task<T?>> probe, TimeSpan? within = null, string what = "a value came")
        where T : class
    {
        T? value = null;
        await True(async () => (value = await probe()) is not null, within, what);
        return value!;
    }

    public static Task<T> Value<T>(Func<T?> probe, TimeSpan? within = null, string what = "a value came")
        where T : class =>
        Value(() => Task.FromResult(probe()), within, what);

    /// <summary>
    /// Reads until <paramref name="done"/> holds or the deadline passes, and returns the last read either way, so the
    /// caller asserts on it with the whole answer in its message.
    /// </summary>
    public static async Task<T> Last<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(Interval);
        }
    }

    /// <summary>Calls until a call succeeds; past the deadline the last failure is thrown.</summary>
    public static async Task<T> Succeeds<T>(Func<Task<T>> call, TimeSpan within)
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
}
