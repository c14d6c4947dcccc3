using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Bookings;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// A booking's saga crashed at each of its durable steps (a failed append of the journal that step
/// writes, or a gateway call that dies after charging): a replay with the same key, or the event's
/// sweep when nobody replays, ends with exactly one charge and either the seats sold or the money back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SagaCrashTests(ClusterFixture fixture)
{
    public enum Step { Pin, Begin, Charge, ChargeAnswer, Confirm }

    private IGrainFactory Grains => fixture.Grains;

    /// <summary>The journal that <paramref name="step"/> appends to; null for the gateway's answer, which dies after the ledger wrote.</summary>
    private static string? JournalOf(Step step, string eventId, string bookingId) => step switch
    {
        Step.Pin or Step.Confirm => EventJournal.Name(eventId),
        Step.Begin => BookingShardGrain.JournalName(BookingIds.ShardOf(bookingId)),
        Step.Charge => LedgerShards.JournalName(LedgerShards.Of(bookingId)),
        _ => null,
    };

    /// <summary>Holds a seat and books it, with the append of <paramref name="step"/> failing once (Confirm: the second append of the event, after Pin's).</summary>
    private async Task<(string User, Reservation Reservation, string BookingId, BookCommand Command)> CrashAt(Step step)
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var reservation = (await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
        var bookingId = BookingIds.For(user, Guid.NewGuid().ToString());
        var command = new BookCommand(user, reservation.ReservationId, step == Step.ChargeAnswer ? "tok_crash_visa" : "tok_visa");
        var journal = JournalOf(step, eventId, bookingId);
        if (journal is not null) fixture.Journals.FailEveryNthAppend(journal, fixture.Journals.AppendsOf(journal) + (step == Step.Confirm ? 2 : 1));
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IBookingGrain>(bookingId).Book(command));
        }
        finally
        {
            if (journal is not null) fixture.Journals.FailEveryNthAppend(journal, 0);
        }
        return (user, reservation, bookingId, command);
    }

    private async Task<SeatStatus> StatusOf(Reservation reservation) =>
        (await Grains.GetGrain<IEventGrain>(reservation.EventId).GetSeats(null))!.Seats.Single(s => s.SeatId == reservation.Seats[0].SeatId).Status;

    [Theory]
    [InlineData(Step.Pin)]
    [InlineData(Step.Begin)]
    [InlineData(Step.Charge)]
    [InlineData(Step.ChargeAnswer)]
    [InlineData(Step.Confirm)]
    public async Task A_booking_that_crashed_at_any_step_finishes_on_replay_with_one_charge_and_its_seats_sold(Step step)
    {
        var (user, reservation, bookingId, command) = await CrashAt(step);

        var replay = await Grains.GetGrain<IBookingGrain>(bookingId).Book(command);
        var again = await Grains.GetGrain<IBookingGrain>(bookingId).Book(command);

        Assert.Equal(BookStatus.Confirmed, replay.Status);
        Assert.Equal(replay.Booking!.Tickets, again.Booking!.Tickets);
        Assert.Equal((1, false), await fixture.Payments.Entry(bookingId) is { } charge ? (1, charge.Refunded) : (0, false));
        Assert.Equal(SeatStatus.Sold, await StatusOf(reservation));
        Assert.Equal([bookingId], (await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(user)).ListOf(user)).Select(b => b.BookingId));
        Assert.Equal(0, (await Grains.GetGrain<IEventGrain>(reservation.EventId).Audit()).SeatsClaimedTwice);
    }

    [Theory]
    [InlineData(Step.Begin, SeatStatus.Available)]
    [InlineData(Step.Charge, SeatStatus.Available)]
    [InlineData(Step.ChargeAnswer, SeatStatus.Sold)]
    [InlineData(Step.Confirm, SeatStatus.Sold)]
    public async Task A_sale_whose_booking_never_came_back_is_settled_by_the_events_sweep(Step step, SeatStatus settled)
    {
        var (user, reservation, bookingId, _) = await CrashAt(step);
        Assert.Equal(SeatStatus.Held, await StatusOf(reservation));

        // Past the payment timeout and the margin (and the hold's own ten minutes): only the sweep moves it now.
        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        await Until(async () => await StatusOf(reservation) == settled);

        var charge = await fixture.Payments.Entry(bookingId);
        Assert.Equal(settled == SeatStatus.Sold, charge is { Refunded: false });
        var listed = await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(user)).ListOf(user);
        Assert.Equal(settled == SeatStatus.Sold ? [bookingId] : [], listed.Select(b => b.BookingId));
    }

    [Fact]
    public async Task A_cancellation_that_died_after_returning_the_seats_is_refunded_by_the_sweep()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var reservation = (await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
        var booking = (await Grains.GetGrain<IBookingGrain>(BookingIds.For(user, "k")).Book(new BookCommand(user, reservation.ReservationId, "tok_visa"))).Booking!;
        // The cancel's first step (the seats back) is durable, then it dies before the refund.
        Assert.Equal(SaleStatus.Returned, (await Grains.GetGrain<IEventGrain>(eventId).ReturnSeats(reservation.ReservationId, booking.BookingId)).Sale!.Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await Until(async () => (await fixture.Payments.Entry(booking.BookingId))!.Refunded);

        await Until(async () => (await Grains.GetGrain<IBookingGrain>(booking.BookingId).Get())!.Status == BookingStatus.Cancelled
            && (await Grains.GetGrain<IEventGrain>(eventId).GetSale(reservation.ReservationId, booking.BookingId))!.Status == SaleStatus.Refunded);
        Assert.Equal(1, (await fixture.Payments.Entry(booking.BookingId))!.Refunds);
        Assert.Equal(SeatStatus.Available, await StatusOf(reservation));
    }

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

    /// <summary>The sweep runs every second in this cluster.</summary>
    private static Task Until(Func<Task<bool>> condition) => Eventually.True(condition, TimeSpan.FromSeconds(20), "the sweep settled the sale");
}
