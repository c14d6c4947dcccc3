using TicketMaster.Grains.Bookings;
using TicketMaster.Grains.Events;
using TicketMaster.Accounts;
using TicketMaster.Bookings;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Silo.Tests.Backends;

[Collection(BackendCollection.Name)]
public sealed class ClusterRestartTests(BackendFixtures backends)
{
    [Theory]
    [InlineData("Postgres")]
    [InlineData("AzureStorage")]
    public async Task Holds_sales_users_and_bookings_survive_a_restart_of_the_whole_cluster_and_its_storage(string backendName)
    {
        var backend = await backends.Get(backendName);
        var serviceId = BackendCluster.NewId("svc");
        var clusterId = BackendCluster.NewId("cluster");
        var email = $"fan-{Guid.NewGuid():N}@example.com";
        string eventId, userId, bookingId, heldId, venueId;
        SeatMapView before;
        Booking booked;

        await using (var first = await BackendCluster.StartAsync(backend, serviceId, clusterId: clusterId))
        {
            var grains = first.Client;
            var registered = await grains.GetGrain<IAccountGrain>(email).Register(email, "password-1", "Fan");
            Assert.True(registered.Created);
            userId = registered.UserId!;

            eventId = await TestEvents.CreateSeatedAsync(grains, rows: 10, seatsPerRow: 20);
            var seats = grains.GetGrain<IEventGrain>(eventId);
            venueId = (await seats.GetView())!.Venue.VenueId;
            var sold = (await seats.Reserve(ReserveRequest.ChosenSeats(userId, ["A-1-1", "A-1-2"]))).Reservation!;
            heldId = (await seats.Reserve(ReserveRequest.ChosenSeats(userId, ["A-5-5"]))).Reservation!.ReservationId;
            bookingId = BookingIds.For(userId, "key-1");
            var book = await grains.GetGrain<IBookingGrain>(bookingId).Book(new BookCommand(userId, sold.ReservationId, "tok_visa"));
            Assert.Equal(BookStatus.Confirmed, book.Status);
            booked = book.Booking!;
            before = (await seats.GetSeats(null))!;

            // Really in storage, read without Orleans: each grain's state, and the silo in the membership table.
            Assert.True(await backend.HoldsState(serviceId, "account", grains.GetGrain<IAccountGrain>(email).GetGrainId()));
            Assert.True(await backend.HoldsState(serviceId, "user", grains.GetGrain<IUserGrain>(userId).GetGrainId()));
            Assert.True(await backend.HoldsState(serviceId, "venue", grains.GetGrain<IVenueGrain>(venueId).GetGrainId()));
            Assert.NotEmpty((await first.Journals().Read(EventJournal.Name(eventId))).Records);
            Assert.NotEmpty((await first.Journals().Read(BookingShardGrain.JournalName(BookingIds.ShardOf(bookingId)))).Records);
            Assert.Equal(1, await backend.SilosWithStatus(clusterId, SiloStatus.Active));
            await first.StopAllSilosAsync();
        }

        await backend.RestartStorageAsync();

        await using var second = await BackendCluster.StartAsync(backend, serviceId, clusterId: clusterId);
        var again = second.Client;

        var signedIn = await again.GetGrain<IAccountGrain>(email).SignIn("password-1", "127.0.0.1");
        Assert.Equal(userId, signedIn.User?.UserId);
        Assert.Null((await again.GetGrain<IAccountGrain>(email).SignIn("wrong-password", "127.0.0.1")).User);
        Assert.Equal([bookingId], (await again.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(userId)).ListOf(userId)).Select(b => b.BookingId));

        var stored = await again.GetGrain<IBookingGrain>(bookingId).Get();
        Assert.NotNull(stored);
        Assert.Equal(BookingStatus.Confirmed, stored.Status);
        Assert.Equal(booked.Tickets, stored.Tickets);

        var seatsAgain = again.GetGrain<IEventGrain>(eventId);
        var after = (await seatsAgain.GetSeats(null))!;
        Assert.Equal(before.Seats, after.Seats);
        Assert.Equal(SeatStatus.Sold, after.Seats.Single(s => s.SeatId == "A-1-1").Status);
        Assert.Equal(SeatStatus.Sold, after.Seats.Single(s => s.SeatId == "A-1-2").Status);
        Assert.Equal(SeatStatus.Held, after.Seats.Single(s => s.SeatId == "A-5-5").Status);
        var audit = await seatsAgain.Audit();
        Assert.Equal((2, 1, 0), (audit.RecountedSold, audit.RecountedHeld, audit.SeatsClaimedTwice));
        // The reloaded hold still knows its owner.
        Assert.Equal(HoldStatus.Forbidden, (await seatsAgain.Release(heldId, TestEvents.User())).Status);
        Assert.Equal(HoldStatus.Ok, (await seatsAgain.Release(heldId, userId)).Status);
    }
}
