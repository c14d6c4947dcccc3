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
public sealed class JournalReplayTests
{
    private const string EventId = "evt_replay";
    private const int TicketLimit = 12;
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
        AssertSame(map, live, Replay(NewState(), changes));
        foreach (var (bytes, taken) in snapshots)
        {
            AssertSame(map, live, Replay(Serializer.Deserialize<EventState>(bytes)!, changes.Skip(taken)));
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
            Assert.Equal((sale.BookingId, sale.GaSection, sale.GaCount), (other.BookingId, other.GaSection, other.GaCount));
            Assert.Equal(sale.Seats, other.Seats);
        }
        Assert.All(Fans, fan => Assert.Equal(liveMap.TicketsOf(fan), replayed.Map.TicketsOf(fan)));
        for (var i = 0; i < liveMap.Sections.Count; i++)
        {
            Assert.Equal((liveMap.Available(i), liveMap.Held(i), liveMap.Sold(i)), (replayed.Map.Available(i), replayed.Map.Held(i), replayed.Map.Sold(i)));
        }
    }

    private static EventState NewState()
    {
        SectionDefinition[] sections = [SectionDefinition.Seated("A", "A", 10, 20), SectionDefinition.Seated("B", "B", 5, 10), SectionDefinition.GeneralAdmission("GA", "Standing", 100)];
        var venue = new Venue("ven_replay", "Arena", "Berlin", "Street 1", sections);
        return new EventState
        {
            Definition = new EventDefinition("Replay", "", "concert", Start.AddMonths(1), venue.VenueId, [],
                sections.Select(s => new SectionPrice(s.SectionId, 50m, "EUR")).ToList(), TicketLimit),
            Venue = venue,
            ReservationKey = new byte[32],
        };
    }

    private enum Stage { Held, Pinned, Sold }

    private sealed record Hold(string Id, string User, List<string> Seats, int Ga, DateTimeOffset ExpiresAt)
    {
        public Stage Stage { get; set; }
        public string? Booking { get; set; }
    }

    /// <summary>Seats by id and holds by reservation id, changed by the rules as a person would state them.</summary>
    private sealed class Model(SeatMap map)
    {
        private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);
        private readonly Dictionary<string, string?> _seatOwner = map.SeatViews(null).ToDictionary(s => s.SeatId, _ => (string?)null);
        private readonly Dictionary<string, Hold> _holds = [];
        private readonly List<string> _everIssued = [];
        private int _bookings;

        private int GaTaken => _holds.Values.Sum(h => h.Ga);

        public void Expire(DateTimeOffset now)
        {
            foreach (var hold in _holds.Values.Where(h => h.Stage == Stage.Held && h.ExpiresAt <= now).ToList()) Remove(hold);
        }

        public void Step(Random random, DateTimeOffset now)
        {
            var user = Fans[random.Next(Fans.Length)];
            var owned = _holds.Values.Where(h => h.User == user).Sum(h => h.Seats.Count + h.Ga);
            var wanted = random.Next(1, 4);
            if (random.Next(3) == 0 && owned + wanted > TicketLimit)
            {
                // Past the limit nothing is held, whatever the seats.
                var refused = map.Reserve(ReserveRequest.BestAvailable(user, "GA", wanted), now + Hold);
                Assert.Equal(ReserveStatus.TicketLimit, refused.Status);
                return;
            }
            if (owned + wanted > TicketLimit) return;
            switch (random.Next(9))
            {
                case 0 or 1:
                {
                    var seats = _seatOwner.Keys.OrderBy(_ => random.Next()).Take(wanted).ToList();
                    var result = map.Reserve(ReserveRequest.ChosenSeats(user, seats), now + Hold);
                    var taken = seats.Where(s => _seatOwner[s] is not null).ToList();
                    if (taken.Count > 0)
                    {
                        Assert.Equal(ReserveStatus.Unavailable, result.Status);
                        Assert.Equal(taken, result.Unavailable);
                    }
                    else Add(result, user, seats, 0, now);
                    break;
                }
                case 2:
                {
                    var section = random.Next(2) == 0 ? "A" : "B";
                    var result = map.Reserve(ReserveRequest.BestAvailable(user, section, wanted), now + Hold);
                    if (result.Status == ReserveStatus.Held)
                    {
                        var seats = result.Reservation!.Seats.Select(s => s.SeatId).ToList();
                        Assert.All(seats, s => Assert.True(s.StartsWith(section + "-", StringComparison.Ordinal) && _seatOwner[s] is null));
                        Add(result, user, seats, 0, now);
                    }
                    break;
                }
                case 3:
                {
                    var count = wanted;
                    var result = map.Reserve(ReserveRequest.BestAvailable(user, "GA", count), now + Hold);
                    if (100 - GaTaken >= count) Add(result, user, [], count, now);
                    else Assert.Equal(ReserveStatus.Unavailable, result.Status);
                    break;
                }
                default:
                    ActOnAnExistingHold(random, now);
                    break;
            }
        }

        private void ActOnAnExistingHold(Random random, DateTimeOffset now)
        {
            if (_everIssued.Count == 0) return;
            var id = _everIssued[random.Next(_everIssued.Count)];
            _holds.TryGetValue(id, out var hold);
            var booking = "bkg_" + (++_bookings).ToString(CultureInfo.InvariantCulture);
            switch (random.Next(5))
            {
                case 0:
                    var released = map.Release(id, hold?.User ?? "u_nobody");
                    Assert.Equal(hold is null ? HoldStatus.Gone : hold.Stage == Stage.Held ? HoldStatus.Ok : HoldStatus.Conflict, released.Status);
                    if (released.Status == HoldStatus.Ok) Remove(hold!);
                    break;
                case 1:
                    var pinned = map.Pin(id, hold?.User ?? "u_nobody", booking);
                    Assert.Equal(hold is null ? HoldStatus.Gone : hold.Stage == Stage.Held ? HoldStatus.Ok : HoldStatus.Conflict, pinned.Status);
                    if (pinned.Status == HoldStatus.Ok) (hold!.Stage, hold.Booking) = (Stage.Pinned, booking);
                    break;
                case 2:
                    var unpinned = map.Unpin(id, hold?.Booking ?? booking);
                    if (hold is { Stage: Stage.Pinned })
                    {
                        Assert.Equal(HoldStatus.Ok, unpinned.Status);
                        (hold.Stage, hold.Booking) = (Stage.Held, null);
                        // Unpinned past its time, it is free the moment anyone looks.
                        if (hold.ExpiresAt <= now) { map.ExpireDue(now); Remove(hold); }
                    }
                    break;
                case 3:
                    var confirmed = map.Confirm(id, hold?.Booking ?? booking);
                    if (hold is { Stage: Stage.Pinned })
                    {
                        Assert.Equal(HoldStatus.Ok, confirmed.Status);
                        hold.Stage = Stage.Sold;
                    }
                    else if (hold is { Stage: Stage.Sold }) Assert.Equal(HoldStatus.Ok, confirmed.Status);
                    else Assert.Equal(HoldStatus.Gone, confirmed.Status);
                    break;
                default:
                    Assert.Equal(HoldStatus.Ok, map.ReturnSeats(id, hold?.Booking ?? booking).Status);
                    if (hold is { Stage: Stage.Sold }) Remove(hold);
                    break;
            }
        }

        private void Add(ReserveResult result, string user, List<string> seats, int ga, DateTimeOffset now)
        {
            Assert.Equal(ReserveStatus.Held, result.Status);
            var hold = new Hold(result.Reservation!.ReservationId, user, seats, ga, now + Hold);
            _holds.Add(hold.Id, hold);
            _everIssued.Add(hold.Id);
            foreach (var seat in seats) _seatOwner[seat] = hold.Id;
        }

        private void Remove(Hold hold)
        {
            _holds.Remove(hold.Id);
            foreach (var seat in hold.Seats) _seatOwner[seat] = null;
        }

        public void AssertMatches(SeatMap map, EventState state)
        {
            var expected = _seatOwner.ToDictionary(s => s.Key, s => s.Value is null ? SeatStatus.Available : _holds[s.Value].Stage == Stage.Sold ? SeatStatus.Sold : SeatStatus.Held);
            Assert.Equal(expected, map.SeatViews(null).ToDictionary(s => s.SeatId, s => s.Status));
            var ga = map.Sections.Single(s => s.SectionId == "GA").Index;
            Assert.Equal(_holds.Values.Where(h => h.Stage != Stage.Sold).Sum(h => h.Ga), map.Held(ga));
            Assert.Equal(_holds.Values.Where(h => h.Stage == Stage.Sold).Sum(h => h.Ga), map.Sold(ga));
            Assert.Equal(_holds.Values.Where(h => h.Stage != Stage.Sold).Select(h => Serial(h.Id)).Order(), state.Holds.Keys.Order());
            Assert.Equal(_holds.Values.Where(h => h.Stage == Stage.Sold).Select(h => Serial(h.Id)).Order(), state.Sales.Keys.Order());
            Assert.Equal(0, map.Audit().SeatsClaimedTwice);
            Assert.All(Fans, fan => Assert.Equal(_holds.Values.Where(h => h.User == fan).Sum(h => h.Seats.Count + h.Ga), map.TicketsOf(fan)));
        }

        private static int Serial(string reservationId) =>
            int.Parse(reservationId[(reservationId.IndexOf('.') + 1)..reservationId.IndexOf('-')], CultureInfo.InvariantCulture);
    }
}
