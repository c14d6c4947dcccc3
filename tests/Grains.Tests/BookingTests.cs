using TicketMaster.Accounts;
using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BookingTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(string User, Reservation Reservation)> Hold(string seat = "A-1-1", string? eventId = null)
    {
        eventId ??= await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var result = await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, [seat]));
        return (user, result.Reservation!);
    }

    private Task<BookResult> Book(string user, string reservationId, string token, string? key = null) =>
        Grains.GetGrain<IBookingGrain>(BookingIds.For(user, key ?? Guid.NewGuid().ToString()))
            .Book(new BookCommand(user, reservationId, token));

    /// <summary>1 when the ledger holds a charge under the booking's key (one key, one charge), else 0.</summary>
    private async Task<int> ChargesFor(string bookingId) => await fixture.Payments.Entry(bookingId) is null ? 0 : 1;

    private async Task<SeatStatus> StatusOf(Reservation reservation) =>
        (await Grains.GetGrain<IEventGrain>(reservation.EventId).GetSeats(null))!.Seats.Single(s => s.SeatId == reservation.Seats[0].SeatId).Status;

    [Fact]
    public async Task Approved_payment_confirms_the_booking_with_unique_tickets_and_sells_the_seats()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var reservation = (await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.BestAvailable(user, "A", 4))).Reservation!;

        var result = await Book(user, reservation.ReservationId, "tok_visa");

        Assert.Equal(BookStatus.Confirmed, result.Status);
        var booking = result.Booking!;
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(reservation.Seats.Select(s => s.SeatId), booking.Tickets.Select(t => t.SeatId));
        Assert.Equal(4, booking.Tickets.Select(t => t.Code).Distinct().Count());
        Assert.All(booking.Tickets, t => Assert.True(t.Code.Length >= 32));
        Assert.Equal(SeatStatus.Sold, await StatusOf(reservation));
        Assert.Equal(1, await ChargesFor(booking.BookingId));
        Assert.Contains(booking.BookingId, (await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(user)).ListOf(user)).Select(b => b.BookingId));
        var section = (await Grains.GetGrain<IEventGrain>(eventId).GetView())!.Sections.Single();
        Assert.Equal((196, 0, 4), (section.Available, section.Held, section.Sold));
    }

    [Fact]
    public async Task Declined_payment_charges_nothing_and_the_hold_stays()
    {
        var (user, reservation) = await Hold();
        var key = Guid.NewGuid().ToString();

        var result = await Book(user, reservation.ReservationId, "tok_decline_insufficient_funds", key);

        Assert.Equal(BookStatus.PaymentDeclined, result.Status);
        Assert.Equal(0, await ChargesFor(BookingIds.For(user, key)));
        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));
        Assert.Equal(BookStatus.Confirmed, (await Book(user, reservation.ReservationId, "tok_visa")).Status);
    }

    [Fact]
    public async Task Timed_out_payment_charges_nothing_and_the_hold_stays()
    {
        var (user, reservation) = await Hold();
        var key = Guid.NewGuid().ToString();

        var result = await Book(user, reservation.ReservationId, "tok_timeout", key);

        Assert.Equal(BookStatus.PaymentTimedOut, result.Status);
        Assert.Equal(0, await ChargesFor(BookingIds.For(user, key)));
        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));
        // A retry of the same request may now succeed.
        Assert.Equal(BookStatus.Confirmed, (await Book(user, reservation.ReservationId, "tok_visa", key)).Status);
    }

    [Fact]
    public async Task Replaying_the_same_key_returns_the_same_booking_and_charges_once()
    {
        var (user, reservation) = await Hold();
        var key = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Book(user, reservation.ReservationId, "tok_visa", key)));
        var again = await Book(user, reservation.ReservationId, "tok_visa", key);

        Assert.All(results.Append(again), r => Assert.Equal(BookStatus.Confirmed, r.Status));
        Assert.Single(results.Append(again).Select(r => r.Booking!.BookingId).Distinct());
        Assert.Equal(results[0].Booking!.Tickets, again.Booking!.Tickets);
        Assert.Equal(1, await ChargesFor(again.Booking.BookingId));
    }

    [Fact]
    public async Task A_booking_that_died_after_charging_finishes_on_replay_without_a_second_charge()
    {
        var (user, reservation) = await Hold();
        var key = Guid.NewGuid().ToString();

        await Assert.ThrowsAnyAsync<Exception>(() => Book(user, reservation.ReservationId, "tok_crash_visa", key));
        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));
        var replay = await Book(user, reservation.ReservationId, "tok_crash_visa", key);

        Assert.Equal(BookStatus.Confirmed, replay.Status);
        Assert.Equal(1, await ChargesFor(replay.Booking!.BookingId));
        Assert.Equal(SeatStatus.Sold, await StatusOf(reservation));
    }

    [Fact]
    public async Task Booking_another_users_reservation_is_forbidden()
    {
        var (_, reservation) = await Hold();

        var result = await Book(TestCatalog.User(), reservation.ReservationId, "tok_visa");

        Assert.Equal(BookStatus.Forbidden, result.Status);
        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));
    }

    [Fact]
    public async Task Booking_an_expired_hold_is_gone_and_charges_nothing()
    {
        var (user, reservation) = await Hold();
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        var key = Guid.NewGuid().ToString();

        var result = await Book(user, reservation.ReservationId, "tok_visa", key);

        Assert.Equal(BookStatus.ReservationGone, result.Status);
        Assert.Equal(0, await ChargesFor(BookingIds.For(user, key)));
        Assert.Equal(SeatStatus.Available, await StatusOf(reservation));
    }

    [Fact]
    public async Task A_pinned_hold_does_not_expire_while_payment_runs()
    {
        var (user, reservation) = await Hold();
        var grain = Grains.GetGrain<IEventGrain>(reservation.EventId);
        Assert.Equal(HoldStatus.Ok, (await grain.Pin(reservation.ReservationId, user, "bk_test")).Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));
        Assert.Equal(HoldStatus.Ok, (await grain.Confirm(reservation.ReservationId, "bk_test")).Status);
        Assert.Equal(SeatStatus.Sold, await StatusOf(reservation));
    }

    [Fact]
    public async Task Booking_an_unknown_reservation_is_not_found()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);

        Assert.Equal(BookStatus.ReservationNotFound, (await Book(TestCatalog.User(), eventId + ".7-0123456789abcdef", "tok_visa")).Status);
        Assert.Equal(BookStatus.ReservationNotFound, (await Book(TestCatalog.User(), "no-such-thing", "tok_visa")).Status);
    }

    [Fact]
    public async Task Reusing_a_key_for_another_reservation_is_refused()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var user = TestCatalog.User();
        var first = (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
        var second = (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-1-2"]))).Reservation!;
        Assert.Equal(BookStatus.Confirmed, (await Book(user, first.ReservationId, "tok_visa", "k")).Status);

        Assert.Equal(BookStatus.KeyReused, (await Book(user, second.ReservationId, "tok_visa", "k")).Status);
        Assert.Equal(SeatStatus.Held, await StatusOf(second));
    }

    [Fact]
    public async Task A_booking_refused_for_a_hold_that_is_not_the_fans_leaves_no_entry_and_its_key_stays_free()
    {
        var (owner, reservation) = await Hold();
        var stranger = TestCatalog.User();
        var bookingId = BookingIds.For(stranger, "k");

        Assert.Equal(BookStatus.Forbidden, (await Book(stranger, reservation.ReservationId, "tok_visa", "k")).Status);
        Assert.Equal(BookStatus.ReservationNotFound, (await Book(stranger, reservation.EventId + ".7-0123456789abcdef", "tok_visa", "k")).Status);

        Assert.Null(await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOf(bookingId)).Find(bookingId));
        var mine = (await Grains.GetGrain<IEventGrain>(reservation.EventId).Reserve(ReserveRequest.ChosenSeats(stranger, ["A-1-3"]))).Reservation!;
        Assert.Equal(BookStatus.Confirmed, (await Book(stranger, mine.ReservationId, "tok_visa", "k")).Status);
        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));
        Assert.Equal(BookStatus.Confirmed, (await Book(owner, reservation.ReservationId, "tok_visa")).Status);
    }

    [Fact]
    public async Task Cancelling_refunds_and_returns_the_seats_to_sale()
    {
        var (user, reservation) = await Hold();
        var booking = (await Book(user, reservation.ReservationId, "tok_visa")).Booking!;
        var grain = Grains.GetGrain<IBookingGrain>(booking.BookingId);

        Assert.Equal(CancelStatus.Forbidden, (await grain.Cancel(TestCatalog.User())).Status);
        var cancelled = await grain.Cancel(user);

        Assert.Equal(CancelStatus.Cancelled, cancelled.Status);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Booking!.Status);
        Assert.True((await fixture.Payments.Entry(booking.BookingId))!.Refunded);
        Assert.Equal(SeatStatus.Available, await StatusOf(reservation));
        Assert.Equal(CancelStatus.Cancelled, (await grain.Cancel(user)).Status);
        var again = await Grains.GetGrain<IEventGrain>(reservation.EventId).Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), [reservation.Seats[0].SeatId]));
        Assert.Equal(ReserveStatus.Held, again.Status);
    }
}
