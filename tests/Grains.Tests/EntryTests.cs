using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

/// <summary>Tickets after the sale: admitted once at the door, moved to another fan with new codes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EntryTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(string EventId, string User, Booking Booking)> Bought(params string[] seats)
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var reservation = (await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, seats))).Reservation!;
        var booked = await Grains.GetGrain<IBookingGrain>(BookingIds.For(user, Guid.NewGuid().ToString())).Book(new BookCommand(user, reservation.ReservationId, "tok_visa"));
        Assert.Equal(BookStatus.Confirmed, booked.Status);
        return (eventId, user, booked.Booking!);
    }

    [Fact]
    public async Task Fifty_gates_scanning_one_code_at_once_admit_it_exactly_once()
    {
        var (eventId, _, booking) = await Bought("A-1-1");
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var code = booking.Tickets[0].Code;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.Scan(code)));

        var admitted = Assert.Single(results, r => r.Status == ScanStatus.Admitted);
        Assert.Equal((booking.Tickets[0].TicketId, "A-1-1"), (admitted.TicketId, admitted.SeatId));
        Assert.All(results.Where(r => r != admitted), r => Assert.Equal((ScanStatus.AlreadyScanned, admitted.ScannedAt), (r.Status, r.ScannedAt)));
    }

    [Fact]
    public async Task A_scanned_ticket_stays_scanned_after_the_event_grain_restarts()
    {
        var (eventId, _, booking) = await Bought("A-2-1", "A-2-2");
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ScanStatus.Admitted, (await grain.Scan(booking.Tickets[0].Code)).Status);

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(ScanStatus.AlreadyScanned, (await grain.Scan(booking.Tickets[0].Code)).Status);
        Assert.Equal(ScanStatus.Admitted, (await grain.Scan(booking.Tickets[1].Code)).Status);
        Assert.Equal(ScanStatus.UnknownCode, (await grain.Scan("00000000000000000000000000000000")).Status);
    }

    [Fact]
    public async Task A_cancelled_bookings_codes_are_void()
    {
        var (eventId, user, booking) = await Bought("A-3-1");
        Assert.Equal(CancelStatus.Cancelled, (await Grains.GetGrain<IBookingGrain>(booking.BookingId).Cancel(user)).Status);

        Assert.Equal(ScanStatus.Void, (await Grains.GetGrain<IEventGrain>(eventId).Scan(booking.Tickets[0].Code)).Status);
    }

    [Fact]
    public async Task A_transferred_ticket_gets_a_new_code_for_its_receiver_and_the_old_code_is_void()
    {
        var (eventId, user, booking) = await Bought("A-4-1", "A-4-2");
        var friend = TestCatalog.User();
        var moved = booking.Tickets[1];

        var result = await Grains.GetGrain<IBookingGrain>(booking.BookingId).Transfer(user, friend, [moved.TicketId]);

        Assert.Equal(TransferStatus.Transferred, result.Status);
        Assert.Equal([booking.Tickets[0]], result.Booking!.Tickets);
        var received = Assert.Single(await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(friend)).ListOf(friend));
        var ticket = Assert.Single(received.Tickets);
        Assert.Equal(("A-4-2", friend), (ticket.SeatId, received.UserId));
        Assert.NotEqual(moved.Code, ticket.Code);
        Assert.Equal(TransferStatus.Moved, (await Grains.GetGrain<IBookingGrain>(booking.BookingId).Transfer(user, TestCatalog.User(), [moved.TicketId])).Status);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ScanStatus.Void, (await grain.Scan(moved.Code)).Status);
        Assert.Equal(ScanStatus.Admitted, (await grain.Scan(ticket.Code)).Status);
        // The sender keeps the rest, and can no longer take back a sale whose ticket is someone else's.
        Assert.Equal(CancelStatus.TicketsUsed, (await Grains.GetGrain<IBookingGrain>(booking.BookingId).Cancel(user)).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_transfer_racing_a_scan_and_a_refund_of_one_ticket_lets_exactly_one_win(int first)
    {
        var (eventId, user, booking) = await Bought("A-5-1");
        var ticket = booking.Tickets[0];
        var bookingGrain = Grains.GetGrain<IBookingGrain>(booking.BookingId);
        Func<Task<bool>>[] racers =
        [
            async () => (await bookingGrain.Transfer(user, TestCatalog.User(), [ticket.TicketId])).Status == TransferStatus.Transferred,
            async () => (await Grains.GetGrain<IEventGrain>(eventId).Scan(ticket.Code)).Status == ScanStatus.Admitted,
            async () => (await bookingGrain.Cancel(user)).Status == CancelStatus.Cancelled,
        ];
        // Each order of arrival in turn starts first; the others race it.
        var order = racers.Skip(first).Concat(racers.Take(first)).ToArray();

        var won = await Task.WhenAll(order.Select(racer => Task.Run(racer)));

        Assert.Single(won, w => w);
        Assert.Equal(0, (await Grains.GetGrain<IEventGrain>(eventId).Audit()).SeatsClaimedTwice);
    }
}
