using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Bookings;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

/// <summary>The saga's crash scenarios (<see cref="SagaCrashScenarios"/>) on memory journals, and a crowd booking at once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SagaCrashTests(ClusterFixture fixture) : SagaCrashScenarios
{
    protected override Task<ISagaCluster> Cluster() => Task.FromResult<ISagaCluster>(fixture);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Two_hundred_fans_booking_at_once_are_each_listed_and_sold_once()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture, rows: 21, seatsPerRow: 20);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var fans = Enumerable.Range(0, 200).Select(_ => TestCatalog.User()).ToList();

        var results = await Task.WhenAll(fans.Select(async fan =>
        {
            var held = await grain.Reserve(ReserveRequest.BestAvailable(fan, "A", 2));
            return (Fan: fan, Booked: await Grains.GetGrain<IBookingGrain>(BookingIds.For(fan, "once")).Book(new BookCommand(fan, held.Reservation!.ReservationId, "tok_visa")));
        }));

        Assert.All(results, r => Assert.Equal(BookStatus.Confirmed, r.Booked.Status));
        foreach (var (fan, booked) in results)
        {
            var listed = await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(fan)).ListOf(fan);
            Assert.Equal(booked.Booking!, Assert.Single(listed), new BookingComparer());
        }
        var seats = results.SelectMany(r => r.Booked.Booking!.Tickets.Select(t => t.SeatId)).ToList();
        Assert.Equal(400, seats.Distinct().Count());
        var audit = await grain.Audit();
        Assert.Equal((400, 400, 0), (audit.CountedSold, audit.RecountedSold, audit.SeatsClaimedTwice));
        Assert.Equal(400, (await grain.GetView())!.Sections.Single().Sold);
    }
}
