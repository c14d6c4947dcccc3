namespace TicketMaster.Grains.Tests;

/// <summary>Waiting for a condition the way the rules say: check often, fail at a deadline.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {within}: {what}.");
            await Task.Delay(10);
        }
    }
}
