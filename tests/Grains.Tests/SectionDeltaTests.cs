using System.Globalization;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Events;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// A section read by change must end where a fresh read is: whatever version a client had, the
/// changes since it (or the whole section, when the log cannot tell) bring it to the present.
/// </summary>
public sealed class SectionDeltaTests
{
    private const long Epoch = 7;
    private static readonly string[] Seated = ["A", "B"];
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_client_applying_every_delta_since_any_version_ends_with_a_fresh_read(int seed)
    {
        var sale = new Sale(seed, logSize: 1_000_000);
        var copies = new List<(string Section, long Version, string Status)>();
        int deltas = 0, nonEmpty = 0;
        for (var step = 0; step < 3000; step++)
        {
            sale.Step();
            foreach (var section in Seated)
            {
                var fresh = sale.Fresh(section);
                copies.Add((section, fresh.Version, fresh.Status!));
            }
            if (step % 250 != 249) continue;
            // Every copy taken so far, caught up by one delta, equals a fresh read.
            foreach (var (section, version, status) in copies)
            {
                var answer = sale.Map.ReadSection(section, version, Epoch).Seats!;
                var caughtUp = Catch(status, answer);
                Assert.Equal(sale.Fresh(section).Status, caughtUp);
                if (!answer.Full) { deltas++; if (answer.Changes!.Length > 0) nonEmpty++; }
            }
        }
        Assert.True(nonEmpty > 500, $"Only {nonEmpty} non-empty deltas of {deltas}: the test did not exercise deltas.");
    }

    [Fact]
    public void A_client_polling_every_step_stays_equal_to_a_fresh_read_even_when_the_log_overflows()
    {
        var sale = new Sale(4, logSize: 8);
        var client = Seated.ToDictionary(s => s, s => Catch("", sale.Map.ReadSection(s, null, null).Seats!));
        var versions = Seated.ToDictionary(s => s, s => sale.Map.ReadSection(s, null, null).Seats!.Version);
        int full = 0, delta = 0;
        for (var step = 0; step < 3000; step++)
        {
            // Several changes between polls now and then, so that the small log overflows.
            for (var i = step % 7 == 0 ? 12 : 1; i > 0; i--) sale.Step();
            foreach (var section in Seated)
            {
                var answer = sale.Map.ReadSection(section, versions[section], Epoch).Seats!;
                client[section] = Catch(client[section], answer);
                versions[section] = answer.Version;
                Assert.Equal(sale.Fresh(section).Status, client[section]);
                if (answer.Full) full++;
                else delta++;
            }
        }
        Assert.True(full > 100 && delta > 1000, $"{full} full answers, {delta} deltas: both paths must be taken.");
    }

    [Fact]
    public void Too_old_versions_another_epoch_and_future_versions_get_the_whole_section()
    {
        var sale = new Sale(5, logSize: 4);
        var start = sale.Fresh("A");
        // Changes before the log began cannot be told apart from none.
        Assert.True(sale.Map.ReadSection("A", start.Version - 1, Epoch).Seats!.Full);
        Assert.False(sale.Map.ReadSection("A", start.Version, Epoch).Seats!.Full);

        Assert.Equal(ReserveStatus.Held, sale.Map.Reserve(ReserveRequest.ChosenSeats("u_1", ["A-1-1", "A-1-2", "A-1-3"]), Start.AddHours(1)).Status);
        Assert.Equal(ReserveStatus.Held, sale.Map.Reserve(ReserveRequest.ChosenSeats("u_2", ["A-2-1", "A-2-2", "A-2-3"]), Start.AddHours(1)).Status);
        var behind = sale.Map.ReadSection("A", start.Version, Epoch).Seats!;
        Assert.True(behind.Full, "Six seat changes went through a log of four: the oldest are gone.");
        Assert.Equal(sale.Fresh("A").Status, behind.Status);

        var now = sale.Fresh("A");
        var delta = sale.Map.ReadSection("A", now.Version, Epoch).Seats!;
        Assert.False(delta.Full);
        Assert.Empty(delta.Changes!);
        Assert.True(sale.Map.ReadSection("A", now.Version, Epoch + 1).Seats!.Full);
        Assert.True(sale.Map.ReadSection("A", now.Version + 1, Epoch).Seats!.Full);
    }

    [Fact]
    public void A_delta_names_each_changed_seat_once_with_its_status_now_by_its_index_in_the_section()
    {
        var sale = new Sale(6, logSize: 100);
        var before = sale.Fresh("B").Version;
        var held = sale.Map.Reserve(ReserveRequest.ChosenSeats("u_1", ["B-2-3", "B-1-1"]), Start.AddHours(1)).Reservation!;
        Assert.Equal(HoldStatus.Ok, sale.Map.Release(held.ReservationId, "u_1").Status);
        var sold = sale.Map.Reserve(ReserveRequest.ChosenSeats("u_2", ["B-1-1"]), Start.AddHours(1)).Reservation!;
        Assert.Equal(HoldStatus.Ok, sale.Map.Pin(sold.ReservationId, "u_2", "bkg_1", Start).Status);
        Assert.Equal(HoldStatus.Ok, sale.Map.Confirm(sold.ReservationId, "bkg_1", Start).Status);

        var delta = sale.Map.ReadSection("B", before, Epoch).Seats!;
        Assert.False(delta.Full);
        // B is 5 rows of 10: B-1-1 is seat 0, B-2-3 is seat 12 (free again).
        Assert.Equal([0, 2, 12, 0], delta.Changes!);
        Assert.Equal(1, delta.Sold);
        Assert.Equal('2', sale.Fresh("B").Status![0]);
    }

    [Fact]
    public void A_sections_version_moves_only_when_one_of_its_seats_changes()
    {
        var sale = new Sale(7, logSize: 100);
        var a = sale.Fresh("A").SectionVersion;
        var b = sale.Fresh("B").SectionVersion;
        Assert.Equal(ReserveStatus.Held, sale.Map.Reserve(ReserveRequest.ChosenSeats("u_1", ["B-1-1"]), Start.AddHours(1)).Status);
        Assert.Equal(ReserveStatus.Held, sale.Map.Reserve(ReserveRequest.BestAvailable("u_2", "GA", 2), Start.AddHours(1)).Status);
        Assert.Equal(a, sale.Fresh("A").SectionVersion);
        Assert.True(sale.Fresh("B").SectionVersion > b);
        Assert.Equal(SectionSeatsStatus.SectionNotFound, sale.Map.ReadSection("Z", null, null).Status);
        var standing = sale.Fresh("GA");
        Assert.Equal((0, 0, "", 2), (standing.Rows, standing.SeatsPerRow, standing.Status, standing.Held));
    }

    /// <summary>Apply one answer to a client's copy of a section, as the event page does.</summary>
    private static string Catch(string copy, SectionSeats answer)
    {
        if (answer.Full) return answer.Status!;
        var seats = copy.ToCharArray();
        for (var i = 0; i < answer.Changes!.Length; i += 2) seats[answer.Changes[i]] = (char)('0' + answer.Changes[i + 1]);
        return new string(seats);
    }

    /// <summary>Random holds, sales, releases, returns and expiries on a small venue, through the seat map's own rules.</summary>
    private sealed class Sale
    {
        private readonly Random _random;
        private readonly List<(string Id, string User, string Booking)> _holds = [];
        private DateTimeOffset _now = Start;
        private int _bookings;

        public Sale(int seed, int logSize)
        {
            _random = new Random(seed);
            SectionDefinition[] sections = [SectionDefinition.Seated("A", "A", 10, 20), SectionDefinition.Seated("B", "B", 5, 10), SectionDefinition.GeneralAdmission("GA", "Standing", 100)];
            var venue = new Venue("ven_delta", "Arena", "Berlin", "Street 1", sections);
            var state = new EventState
            {
                Definition = new EventDefinition("Delta", "", "concert", Start.AddMonths(1), venue.VenueId, [],
                    sections.Select(s => new SectionPrice(s.SectionId, 50m, "EUR")).ToList(), 1000),
                Venue = venue,
                ReservationKey = new byte[32],
            };
            Map = new SeatMap("evt_delta", state, []);
            Map.TrackChanges(logSize, Epoch);
        }

        public SeatMap Map { get; }

        public SectionSeats Fresh(string section) => Map.ReadSection(section, null, null).Seats!;

        public void Step()
        {
            _now += TimeSpan.FromSeconds(_random.Next(0, 20));
            Map.ExpireDue(_now);
            var user = "u_" + _random.Next(40).ToString(CultureInfo.InvariantCulture);
            switch (_random.Next(8))
            {
                case 0 or 1:
                    var section = Seated[_random.Next(2)];
                    var rows = section == "A" ? 10 : 5;
                    var perRow = section == "A" ? 20 : 10;
                    var seats = Enumerable.Range(0, _random.Next(1, 4))
                        .Select(_ => $"{section}-{_random.Next(1, rows + 1)}-{_random.Next(1, perRow + 1)}").Distinct().ToList();
                    Keep(Map.Reserve(ReserveRequest.ChosenSeats(user, seats), _now + TimeSpan.FromMinutes(_random.Next(1, 10))), user);
                    break;
                case 2:
                    Keep(Map.Reserve(ReserveRequest.BestAvailable(user, Seated[_random.Next(2)], _random.Next(1, 5)), _now + TimeSpan.FromMinutes(3)), user);
                    break;
                default:
                    if (_holds.Count == 0) break;
                    var (id, owner, booking) = _holds[_random.Next(_holds.Count)];
                    switch (_random.Next(5))
                    {
                        case 0: Map.Release(id, owner); break;
                        case 1: Map.Pin(id, owner, booking, Start); break;
                        case 2: Map.Confirm(id, booking, Start); break;
                        case 3: Map.Unpin(id, booking); break;
                        default: Map.ReturnSeats(id, booking, Start); break;
                    }
                    break;
            }
        }

        private void Keep(ReserveResult result, string user)
        {
            if (result.Reservation is { } held) _holds.Add((held.ReservationId, user, "bkg_" + (++_bookings).ToString(CultureInfo.InvariantCulture)));
        }
    }
}
