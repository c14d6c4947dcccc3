using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReservationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Two_hundred_buyers_racing_for_one_seat_only_one_wins()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);

        var results = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-1-7"]))));

        Assert.Single(results, r => r.Status == ReserveStatus.Held);
        Assert.Equal(199, results.Count(r => r.Status == ReserveStatus.Unavailable && r.Unavailable!.SequenceEqual(["A-1-7"])));
    }

    [Fact]
    public async Task Random_overlapping_reserves_never_put_a_seat_in_two_holds_and_counts_match_the_seat_map()
    {
        var eventId = await TestCatalog.CreateEvent(fixture,
            SectionDefinition.Seated("A", "A", 10, 20), SectionDefinition.GeneralAdmission("GA", "Standing", 300));
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var random = new Random(42);

        var requests = Enumerable.Range(0, 3000).Select(_ =>
        {
            // A fan each, so the per-fan ticket limit stays out of this test's way.
            var user = TestCatalog.User();
            return random.Next(3) switch
            {
                0 => ReserveRequest.BestAvailable(user, "A", random.Next(1, 5)),
                1 => ReserveRequest.BestAvailable(user, "GA", random.Next(1, 5)),
                _ => ReserveRequest.ChosenSeats(user, Enumerable.Range(0, random.Next(1, 5))
                    .Select(_ => $"A-{random.Next(1, 11)}-{random.Next(1, 21)}").Distinct().ToList()),
            };
        }).ToList();
        var results = await Task.WhenAll(requests.Select(grain.Reserve));

        var held = results.Where(r => r.Status == ReserveStatus.Held).SelectMany(r => r.Reservation!.Seats).ToList();
        Assert.Equal(held.Count, held.Select(s => s.SeatId).Distinct().Count());
        Assert.All(results, r => Assert.True(r.Status is ReserveStatus.Held or ReserveStatus.Unavailable, $"{r.Status} {r.Error}"));

        var audit = await grain.Audit();
        Assert.Equal(0, audit.SeatsClaimedTwice);
        Assert.Equal((audit.RecountedAvailable, audit.RecountedHeld, audit.RecountedSold), (audit.CountedAvailable, audit.CountedHeld, audit.CountedSold));
        Assert.Equal(held.Count, audit.CountedHeld);
        var view = (await grain.GetView())!;
        Assert.Equal(500 - held.Count, view.Sections.Sum(s => s.Available));
        Assert.All(view.Sections, s => Assert.InRange(s.Available, 0, s.Capacity));
    }

    [Fact]
    public async Task A_fan_cannot_hold_and_buy_more_than_the_events_ticket_limit_even_after_a_reload()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, 4, SectionDefinition.Seated("A", "A", 5, 10));
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var fan = TestCatalog.User();
        var first = (await grain.Reserve(ReserveRequest.ChosenSeats(fan, ["A-1-1", "A-1-2", "A-1-3"]))).Reservation!;

        var refused = await grain.Reserve(ReserveRequest.BestAvailable(fan, "A", 2));
        Assert.Equal((ReserveStatus.TicketLimit, "maxTicketsPerFan"), (refused.Status, refused.Field));
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 4))).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(fan, ["A-2-1"]))).Status);

        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(ReserveStatus.TicketLimit, (await grain.Reserve(ReserveRequest.ChosenSeats(fan, ["A-3-1"]))).Status);
        Assert.Equal(HoldStatus.Ok, (await grain.Release(first.ReservationId, fan)).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(fan, "A", 3))).Status);
    }

    [Fact]
    public async Task One_address_holds_at_most_four_fans_worth_of_an_event_at_once_through_however_many_accounts()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, 2, SectionDefinition.Seated("A", "Stalls", 5, 10));
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        const string Address = "203.0.113.9";
        var holds = new List<(string Fan, string ReservationId)>();
        for (var account = 0; account < 4; account++)
        {
            var fan = TestCatalog.User();
            var held = await grain.Reserve(ReserveRequest.BestAvailable(fan, "A", 2) with { Source = Address });
            Assert.Equal(ReserveStatus.Held, held.Status);
            holds.Add((fan, held.Reservation!.ReservationId));
        }

        var fifth = await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1) with { Source = Address });
        Assert.Equal((ReserveStatus.AddressLimit, "address"), (fifth.Status, fifth.Field));
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 2) with { Source = "198.51.100.4" })).Status);

        // A hold that ends frees its seats from the address's count.
        Assert.Equal(HoldStatus.Ok, (await grain.Release(holds[0].ReservationId, holds[0].Fan)).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 2) with { Source = Address })).Status);
    }

    [Fact]
    public async Task Chosen_seats_are_held_all_or_nothing()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-1-2"]));

        var result = await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-1-1", "A-1-2", "A-1-3"]));

        Assert.Equal(ReserveStatus.Unavailable, result.Status);
        Assert.Equal(["A-1-2"], result.Unavailable);
        var seats = (await grain.GetSeats("A"))!.Seats.ToDictionary(s => s.SeatId, s => s.Status);
        Assert.Equal(SeatStatus.Available, seats["A-1-1"]);
        Assert.Equal(SeatStatus.Held, seats["A-1-2"]);
        Assert.Equal(SeatStatus.Available, seats["A-1-3"]);
    }

    [Theory]
    [InlineData("A-0-1")]
    [InlineData("A-11-1")]
    [InlineData("B-1-1")]
    [InlineData("A-1")]
    [InlineData("GA-1-1")]
    public async Task Unknown_seats_are_refused_naming_the_seats_field(string seatId)
    {
        var eventId = await TestCatalog.CreateEvent(fixture, SectionDefinition.Seated("A", "A", 10, 20), SectionDefinition.GeneralAdmission("GA", "GA", 10));

        var result = await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), [seatId]));

        Assert.Equal(ReserveStatus.Invalid, result.Status);
        Assert.Equal("seats", result.Field);
    }

    [Fact]
    public async Task Best_available_through_the_grain_holds_adjacent_seats_in_one_row()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);

        var result = await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 4));

        Assert.Equal(["A-1-1", "A-1-2", "A-1-3", "A-1-4"], result.Reservation!.Seats.Select(s => s.SeatId));
        Assert.Equal(400m, result.Reservation.Total);
    }

    [Fact]
    public async Task General_admission_counts_never_go_below_zero()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, SectionDefinition.GeneralAdmission("GA", "Standing", 25));
        var grain = Grains.GetGrain<IEventGrain>(eventId);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "GA", 3))));

        Assert.Equal(8, results.Count(r => r.Status == ReserveStatus.Held));
        var last = await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "GA", 1));
        Assert.Equal(ReserveStatus.Held, last.Status);
        Assert.Equal(ReserveStatus.Unavailable, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "GA", 1))).Status);
        var section = (await grain.GetView())!.Sections.Single();
        Assert.Equal((0, 25), (section.Available, section.Held));
    }

    [Fact]
    public async Task Hold_expires_after_its_ttl_and_the_seat_is_free_again()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var first = await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-2-2"]));
        Assert.Equal(ReserveStatus.Held, first.Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(ReserveStatus.Unavailable, (await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-2-2"]))).Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var view = (await grain.GetView())!;
        Assert.Equal(200, view.Sections.Single().Available);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-2-2"]))).Status);
    }

    [Fact]
    public async Task Releasing_a_hold_frees_its_seats_and_only_its_owner_may()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var owner = TestCatalog.User();
        var reservation = (await grain.Reserve(ReserveRequest.ChosenSeats(owner, ["A-3-3"]))).Reservation!;

        Assert.Equal(HoldStatus.Forbidden, (await grain.Release(reservation.ReservationId, TestCatalog.User())).Status);
        Assert.Equal(HoldStatus.Ok, (await grain.Release(reservation.ReservationId, owner)).Status);
        Assert.Equal(HoldStatus.Gone, (await grain.Release(reservation.ReservationId, owner)).Status);
        Assert.Equal(HoldStatus.NotFound, (await grain.Release(eventId + ".1-0000000000000000", owner)).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-3-3"]))).Status);
    }

    [Fact]
    public async Task Nothing_is_on_sale_once_the_event_has_started()
    {
        var eventId = await TestCatalog.CreateEventStarting(fixture, fixture.Time.GetUtcNow().AddHours(1), [SectionDefinition.Seated("A", "A", 2, 2)]);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1))).Status);

        fixture.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ReserveStatus.SalesClosed, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1))).Status);
    }

    [Fact]
    public async Task Sections_and_prices_are_frozen_once_a_seat_is_held()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var view = (await grain.GetView())!;
        var definition = new EventDefinition("Renamed", "d", "concert", view.StartsAt, view.Venue.VenueId, [], [new SectionPrice("A", 100m, "USD")]);
        Assert.Equal(EventCommandStatus.Ok, (await grain.Update(definition)).Status);

        await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1));

        Assert.Equal(EventCommandStatus.Conflict, (await grain.Update(definition with { Prices = [new SectionPrice("A", 90m, "USD")] })).Status);
        Assert.Equal(EventCommandStatus.Ok, (await grain.Update(definition with { Name = "Renamed again" })).Status);
        Assert.Equal("Renamed again", (await grain.GetView())!.Name);
    }
}
