using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TicketMaster.Bookings;
using TicketMaster.Grains.Bookings;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// A bookings shard's journal keeps its promise as the event's does: a snapshot plus the changes
/// after it rebuild exactly the live shard, and both equal a plain model of "first entry wins,
/// a forgotten entry goes only if it is still the one begun, a decline sticks".
/// </summary>
public sealed class BookingShardReplayTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(BookingShardState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Snapshot_plus_replay_equals_the_live_shard_and_a_plain_model_after_thousands_of_random_changes(int seed)
    {
        var random = new Random(seed);
        var live = new BookingShardState();
        var changes = new List<BookingChange>();
        var model = new Dictionary<string, BookingEntry>();
        var snapshots = new List<(byte[] State, int Changes)>();
        var start = new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

        for (var step = 0; step < 4000; step++)
        {
            var id = "bk_" + random.Next(300).ToString(CultureInfo.InvariantCulture);
            var user = "u_" + random.Next(20).ToString(CultureInfo.InvariantCulture);
            var entry = new BookingEntry(id, user, "evt." + random.Next(5).ToString(CultureInfo.InvariantCulture), start.AddSeconds(step));
            BookingChange change = random.Next(4) switch
            {
                0 or 1 => new BookingBegun(entry),
                // Half of the forgets name the entry held, half a stale copy of it: only the first may remove it.
                2 => new BookingForgotten(model.TryGetValue(id, out var held) && random.Next(2) == 0 ? held : entry),
                _ => new BookingDeclined(id, "declined"),
            };
            Apply(model, change);
            live.Apply(change);
            changes.Add(change);
            _ = live.IdsOf(user);
            if (random.Next(400) == 0) snapshots.Add((Serializer.SerializeToArray(live), changes.Count));
        }

        Assert.NotEmpty(snapshots);
        AssertSame(model, live);
        AssertSame(model, Replay(new BookingShardState(), changes));
        foreach (var (bytes, taken) in snapshots) AssertSame(model, Replay(Serializer.Deserialize<BookingShardState>(bytes)!, changes.Skip(taken)));
    }

    private static BookingShardState Replay(BookingShardState state, IEnumerable<BookingChange> changes)
    {
        foreach (var change in changes) state.Apply(Serializer.Deserialize<BookingChange>(Serializer.SerializeToArray(change))!);
        return state;
    }

    private static void Apply(Dictionary<string, BookingEntry> model, BookingChange change)
    {
        switch (change)
        {
            case BookingBegun begun: model.TryAdd(begun.Entry.BookingId, begun.Entry); break;
            case BookingForgotten forgotten when model.GetValueOrDefault(forgotten.Entry.BookingId) == forgotten.Entry: model.Remove(forgotten.Entry.BookingId); break;
            case BookingDeclined declined when model.TryGetValue(declined.BookingId, out var entry): model[declined.BookingId] = entry with { DeclineReason = declined.Reason }; break;
        }
    }

    private static void AssertSame(Dictionary<string, BookingEntry> model, BookingShardState shard)
    {
        Assert.Equal(model.OrderBy(e => e.Key, StringComparer.Ordinal), shard.Entries.OrderBy(e => e.Key, StringComparer.Ordinal));
        foreach (var user in model.Values.Select(e => e.UserId).Distinct())
        {
            var expected = model.Values.Where(e => e.UserId == user).OrderBy(e => e.CreatedAt).Select(e => e.BookingId);
            Assert.Equal(expected, shard.IdsOf(user));
        }
    }
}
