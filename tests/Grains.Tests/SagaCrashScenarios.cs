using Microsoft.Extensions.Time.Testing;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Bookings;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// A cluster the saga's crash scenarios run on: its journals behind <see cref="FaultyJournal"/>, its
/// gateway a <see cref="CrashOnceGateway"/>, its booking clock fake, and the event's sweep running
/// every second with a short payment timeout. Memory here; PostgreSQL and Azure Storage in Silo.Tests.
/// </summary>
public interface ISagaCluster
{
    IGrainFactory Grains { get; }

    FaultyJournal Journals { get; }

    FakeTimeProvider Time { get; }

    Task<string> CreateSeatedEvent(int rows, int seatsPerRow);
}

/// <summary>
/// A booking's saga crashed at each of its durable steps (a failed append of the journal that step
/// writes, or a gateway call that dies after charging): a replay with the same key, or the event's
/// sweep when nobody replays, ends with exactly one charge and either the seats sold or the money back.
/// One scenario class, run on each storage backend by a subclass that gives it its cluster.
/// </summary>
public abstract class SagaCrashScenarios : IAsyncLifetime
{
    public enum Step { Pin, Begin, Charge, ChargeAnswer, Confirm }

    private ISagaCluster _cluster = null!;

    /// <summary>The cluster to run on, started once for the test collection and shared.</summary>
    protected abstract Task<ISagaCluster> Cluster();

    public async Task InitializeAsync() => _cluster = await Cluster();

    public Task DisposeAsync() => Task.CompletedTask;

    private IGrainFactory Grains => _cluster.Grains;

    private SandboxPaymentGateway Payments => new(_cluster.Grains);

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
        var eventId = await _cluster.CreateSeatedEvent(10, 20);
        var user = NewUser();
        var reservation = (await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
        var bookingId = BookingIds.For(user, Guid.NewGuid().ToString());
        var command = new BookCommand(user, reservation.ReservationId, step == Step.ChargeAnswer ? "tok_crash_visa" : "tok_visa");
        var journal = JournalOf(step, eventId, bookingId);
        var journals = _cluster.Journals;
        if (journal is not null) journals.FailEveryNthAppend(journal, journals.AppendsOf(journal) + (step == Step.Confirm ? 2 : 1));
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IBookingGrain>(bookingId).Book(command));
        }
        finally
        {
            if (journal is not null) journals.FailEveryNthAppend(journal, 0);
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
        Assert.Equal((1, false), await Payments.Entry(bookingId) is { } charge ? (1, charge.Refunded) : (0, false));
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
        _cluster.Time.Advance(TimeSpan.FromMinutes(11));
        await Until(async () => await StatusOf(reservation) == settled);

        var charge = await Payments.Entry(bookingId);
        Assert.Equal(settled == SeatStatus.Sold, charge is { Refunded: false });
        var listed = await Grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(user)).ListOf(user);
        Assert.Equal(settled == SeatStatus.Sold ? [bookingId] : [], listed.Select(b => b.BookingId));
    }

    [Fact]
    public async Task A_cancellation_that_died_after_returning_the_seats_is_refunded_by_the_sweep()
    {
        var eventId = await _cluster.CreateSeatedEvent(10, 20);
        var user = NewUser();
        var reservation = (await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
        var booking = (await Grains.GetGrain<IBookingGrain>(BookingIds.For(user, "k")).Book(new BookCommand(user, reservation.ReservationId, "tok_visa"))).Booking!;
        // The cancel's first step (the seats back) is durable, then it dies before the refund.
        Assert.Equal(SaleStatus.Returned, (await Grains.GetGrain<IEventGrain>(eventId).ReturnSeats(reservation.ReservationId, booking.BookingId)).Sale!.Status);

        _cluster.Time.Advance(TimeSpan.FromMinutes(2));
        await Until(async () => (await Payments.Entry(booking.BookingId))!.Refunded);

        await Until(async () => (await Grains.GetGrain<IBookingGrain>(booking.BookingId).Get())!.Status == BookingStatus.Cancelled
            && (await Grains.GetGrain<IEventGrain>(eventId).GetSale(reservation.ReservationId, booking.BookingId))!.Status == SaleStatus.Refunded);
        Assert.Equal(1, (await Payments.Entry(booking.BookingId))!.Refunds);
        Assert.Equal(SeatStatus.Available, await StatusOf(reservation));
    }

    /// <summary>The sweep runs every second in these clusters.</summary>
    protected static Task Until(Func<Task<bool>> condition) => Eventually.True(condition, TimeSpan.FromSeconds(20), "the sweep settled the sale");

    /// <summary>A fresh user id, so no scenario meets another's ticket limit or bookings.</summary>
    private static string NewUser() => "u_" + Guid.NewGuid().ToString("N");
}
