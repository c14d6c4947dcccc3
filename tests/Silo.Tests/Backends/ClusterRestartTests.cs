using TicketMaster.Accounts;
using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Silo.Tests.Backends;

[Collection(BackendCollection.Name)]
public sealed class ClusterRestartTests(BackendFixtures backends)
{
    [Theory]
    [InlineData("AzureStorage")]
    public async Task Users_holds_and_bookings_survive_a_restart_of_the_whole_cluster_and_its_storage(string backendName)
    {
        var backend = await backends.Get(backendName);
        var serviceId = BackendCluster.NewServiceId();
        var email = $"{Guid.NewGuid():N}@example.com";
        string userId, eventId, heldId, bookingId;
        Booking booked;
        SeatMapView before;

        await using (var cluster = await BackendCluster.StartAsync(backend, serviceId))
        {
            var registered = await cluster.Grains.GetGrain<IAccountGrain>(email).Register(email, "correct horse", "Ada");
            Assert.True(registered.Created);
            userId = registered.UserId!;
            eventId = await TestCatalog.CreateSeatedEvent(cluster.Grains, rows: 10, seatsPerRow: 20);
            var grain = cluster.Grains.GetGrain<IEventGrain>(eventId);
            heldId = (await grain.Reserve(ReserveRequest.ChosenSeats(userId, ["A-2-1", "A-2-2"]))).Reservation!.ReservationId;
            var toBuy = (await grain.Reserve(ReserveRequest.ChosenSeats(userId, ["A-1-1", "A-1-2"]))).Reservation!.ReservationId;
            bookingId = BookingIds.For(userId, "restart");
            var result = await cluster.Grains.GetGrain<IBookingGrain>(bookingId).Book(new BookCommand(userId, toBuy, "tok_visa"));
            Assert.Equal(BookStatus.Confirmed, result.Status);
            booked = result.Booking!;
            before = (await grain.GetSeats(null))!;
        }

        await backend.RestartStorageAsync();

        await using (var cluster = await BackendCluster.StartAsync(backend, serviceId))
        {
            var signedIn = await cluster.Grains.GetGrain<IAccountGrain>(email).SignIn("correct horse");
            Assert.Equal(userId, signedIn?.UserId);
            Assert.Contains(bookingId, await cluster.Grains.GetGrain<IUserGrain>(userId).GetBookingIds());
            var booking = await cluster.Grains.GetGrain<IBookingGrain>(bookingId).Get();
            Assert.Equal(BookingStatus.Confirmed, booking!.Status);
            Assert.Equal(booked.Tickets, booking.Tickets);

            var grain = cluster.Grains.GetGrain<IEventGrain>(eventId);
            var after = (await grain.GetSeats(null))!;
            Assert.Equal(before.Seats, after.Seats);
            Assert.Equal(SeatStatus.Sold, after.Seats.Single(s => s.SeatId == "A-1-1").Status);
            Assert.Equal(SeatStatus.Held, after.Seats.Single(s => s.SeatId == "A-2-1").Status);
            // The hold came back with its owner: only that user may release it.
            Assert.Equal(HoldStatus.Forbidden, (await grain.Release(heldId, TestCatalog.User())).Status);
            Assert.Equal(HoldStatus.Ok, (await grain.Release(heldId, userId)).Status);
            Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
        }
    }
}
