using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Holds_and_sales_survive_a_deactivation_of_the_event_grain()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = fixture.Grains.GetGrain<IEventGrain>(eventId);
        var user = TestCatalog.User();
        var sold = (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1", "A-1-2"]))).Reservation!;
        var held = (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-5-5"]))).Reservation!;
        var booking = await fixture.Grains.GetGrain<IBookingGrain>(BookingIds.For(user, "k")).Book(new BookCommand(user, sold.ReservationId, "tok_visa"));
        var before = await grain.GetSeats(null);

        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IBookingGrain>(booking.Booking!.BookingId));

        var after = await grain.GetSeats(null);
        Assert.Equal(before!.Seats, after!.Seats);
        Assert.Equal(SeatStatus.Sold, after.Seats.Single(s => s.SeatId == "A-1-1").Status);
        Assert.Equal(SeatStatus.Held, after.Seats.Single(s => s.SeatId == "A-5-5").Status);
        Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
        Assert.Equal(booking.Booking, await fixture.Grains.GetGrain<IBookingGrain>(booking.Booking.BookingId).Get(), new BookingComparer());
        // The reloaded grain still knows the hold and its owner.
        Assert.Equal(HoldStatus.Forbidden, (await grain.Release(held.ReservationId, TestCatalog.User())).Status);
        Assert.Equal(HoldStatus.Ok, (await grain.Release(held.ReservationId, user)).Status);
    }
}
