using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Events;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// The journal's promise: a snapshot plus the changes after it rebuild exactly the live seat map.
/// Checked against a plain model of seats and holds that knows nothing of serials or journals.
/// </summary>
public sealed partial class JournalReplayTests
{
    private const string EventId = "evt_replay";
    private const int TicketLimit = 12;

    /// <summary>Small, so that standing places sell out often and fans wait for them.</summary>
    private const int GaCapacity = 12;
    private static readonly string[] Fans = Enumerable.Range(0, 20).Select(i => "u_" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(EventState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Snapshot_plus_replay_equals_the_live_state_and_a_plain_model_after_thousands_of_random_operations(int seed)
    {
        var changes = new List<EventChange>();
        var live = NewState();
        var map = new SeatMap(EventId, live, changes);
        var model = new Model(map);
        var random = new Random(seed);
        var now = Start;
        var snapshots = new List<(byte[] State, int Changes)>();

        for (var step = 0; step < 6000; step++)
        {
            now += TimeSpan.FromSeconds(random.Next(0, 4));
            map.ExpireDue(now);
            model.Expire(now);
            model.Step(random, now);
            if (random.Next(500) == 0) snapshots.Add((Serializer.SerializeToArray(live), changes.Count));
        }
        map.ExpireDue(now);
        model.Expire(now);
        Assert.True(changes.Count > 3000, $"Only {changes.Count} changes were made.");
        Assert.NotEmpty(snapshots);

        model.AssertMatches(map, live);
        var replayed = Replay(NewState(), changes);
        AssertSame(map, live, replayed);
        model.AssertTicketsMatch(replayed.Map);
        foreach (var (bytes, taken) in snapshots)
        {
            var fromSnapshot = Replay(Serializer.Deserialize<EventState>(bytes)!, changes.Skip(taken));
            AssertSame(map, live, fromSnapshot);
            model.AssertTicketsMatch(fromSnapshot.Map);
        }
    }

    private static (SeatMap Map, EventState State) Replay(EventState from, IEnumerable<EventChange> changes)
    {
        var map = new SeatMap(EventId, from);
        foreach (var change in changes) map.Apply(change);
        return (map, from);
    }

    private static void AssertSame(SeatMap liveMap, EventState live, (SeatMap Map, EventState State) replayed)
    {
        Assert.Equal(liveMap.SeatViews(null), replayed.Map.SeatViews(null));
        Assert.Equal(liveMap.Audit(), replayed.Map.Audit());
        Assert.Equal(live.NextSerial, replayed.State.NextSerial);
        Assert.Equal(live.Holds.Keys.Order(), replayed.State.Holds.Keys.Order());
        foreach (var (serial, hold) in live.Holds)
        {
            var other = replayed.State.Holds[serial];
            Assert.Equal((hold.UserId, hold.State, hold.BookingId, hold.ExpiresAt, hold.GaSection, hold.GaCount), (other.UserId, other.State, other.BookingId, other.ExpiresAt, other.GaSection, other.GaCount));
            Assert.Equal(hold.Seats, other.Seats);
        }
        Assert.Equal(live.Sales.Keys.Order(), replayed.State.Sales.Keys.Order());
        foreach (var (serial, sale) in live.Sales)
        {
            var other = replayed.State.Sales[serial];
            Assert.Equal((sale.BookingId, sale.GaSection, sale.GaCount, sale.SoldAt), (other.BookingId, other.GaSection, other.GaCount, other.SoldAt));
            Assert.Equal(sale.Seats, other.Seats);
        }
        Assert.Equal(live.Returned.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Refunded, r.Value.At, r.Value.Sale.BookingId, r.Value.Sale.SoldAt)),
            replayed.State.Returned.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Refunded, r.Value.At, r.Value.Sale.BookingId, r.Value.Sale.SoldAt)));
        Assert.Equal(live.Holds.OrderBy(h => h.Key).Select(h => h.Value.PinnedAt), replayed.State.Holds.OrderBy(h => h.Key).Select(h => h.Value.PinnedAt));
        Assert.All(Fans, fan => Assert.Equal(liveMap.TicketsOf(fan), replayed.Map.TicketsOf(fan)));
        Assert.Equal(live.Tickets.OrderBy(t => t.Key), replayed.State.Tickets.OrderBy(t => t.Key));
        Assert.Equal(live.Waitlist, replayed.State.Waitlist);
        Assert.Equal(live.MailsToHandOn.OrderBy(m => m.Key, StringComparer.Ordinal), replayed.State.MailsToHandOn.OrderBy(m => m.Key, StringComparer.Ordinal));
        for (var i = 0; i < liveMap.Sections.Count; i++)
        {
            Assert.Equal((liveMap.Available(i), liveMap.Held(i), liveMap.Sold(i)), (replayed.Map.Available(i), replayed.Map.Held(i), replayed.Map.Sold(i)));
        }
    }

    private static EventState NewState()
    {
        SectionDefinition[] sections = [SectionDefinition.Seated("A", "A", 10, 20), SectionDefinition.Seated("B", "B", 5, 10), SectionDefinition.GeneralAdmission("GA", "Standing", GaCapacity)];
        var venue = new Venue("ven_replay", "Arena", "Berlin", "Street 1", sections);
        return new EventState
        {
            Definition = new EventDefinition("Replay", "", "concert", Start.AddMonths(1), venue.VenueId, [],
                sections.Select(s => new SectionPrice(s.SectionId, 50m, "EUR")).ToList(), TicketLimit),
            Venue = venue,
            ReservationKey = new byte[32],
        };
    }
}
