using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EventCancellationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private IEventGrain Event(string eventId) => Grains.GetGrain<IEventGrain>(eventId);

    /// <summary>A fan holds <paramref name="seat"/> and books it with <paramref name="token"/>.</summary>
    private async Task<Booking> Sell(string eventId, string seat, string token = "tok_visa")
    {
        var user = TestCatalog.User();
        var held = await Event(eventId).Reserve(ReserveRequest.ChosenSeats(user, [seat]));
        var booked = await Grains.GetGrain<IBookingGrain>(BookingIds.For(user, Guid.NewGuid().ToString()))
            .Book(new BookCommand(user, held.Reservation!.ReservationId, token));
        Assert.Equal(BookStatus.Confirmed, booked.Status);
        return booked.Booking!;
    }

    private async Task<LedgerEntry> Ledger(Booking booking) => (await fixture.Payments.Entry(booking.BookingId))!;

    private int RefundCalls(Booking booking) =>
        fixture.Gateway.RefundCalls.GetValueOrDefault(SandboxPaymentGateway.ChargeIdFor(booking.BookingId));

    private async Task AssertRefunded(Booking booking)
    {
        Assert.Equal(BookingStatus.Cancelled, (await Grains.GetGrain<IBookingGrain>(booking.BookingId).Get())!.Status);
        Assert.True((await Ledger(booking)).Refunded, $"booking {booking.BookingId} was not refunded");
    }

    [Fact]
    public async Task Cancelling_an_event_refunds_every_booking_drops_the_holds_and_stops_sales()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var sold = new[] { await Sell(eventId, "A-1-1"), await Sell(eventId, "A-1-2"), await Sell(eventId, "A-1-3") };
        var holder = TestCatalog.User();
        Assert.Equal(ReserveStatus.Held, (await Event(eventId).Reserve(ReserveRequest.ChosenSeats(holder, ["A-2-1"]))).Status);

        var result = await Event(eventId).Cancel();

        Assert.Equal(new CancelEventResult(CancelEventStatus.Cancelled, 3, 0), result);
        foreach (var booking in sold) await AssertRefunded(booking);
        var view = (await Event(eventId).GetView())!;
        Assert.True(view.Cancelled);
        Assert.Equal((0, 0), (view.Sections.Single().Held, view.Sections.Single().Sold));
        Assert.Equal(ReserveStatus.EventCancelled, (await Event(eventId).Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-3-1"]))).Status);
        Assert.Equal(0, (await Event(eventId).Audit()).CountedHeld);
    }

    [Fact]
    public async Task Cancelling_again_changes_nothing_and_refunds_nobody_twice()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var booking = await Sell(eventId, "A-1-1");
        var first = await Event(eventId).Cancel();

        var again = await Event(eventId).Cancel();

        Assert.Equal(first, again);
        Assert.Equal(new CancelEventResult(CancelEventStatus.Cancelled, 1, 0), again);
        Assert.Equal(1, RefundCalls(booking));
    }

    [Fact]
    public async Task A_refund_that_fails_is_retried_by_the_next_call_and_by_the_reminder()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var fine = await Sell(eventId, "A-1-1");
        var failing = await Sell(eventId, "A-1-2", "tok_refund_crash_visa");
        var lateFailing = await Sell(eventId, "A-1-3", "tok_refund_crash_amex");

        var first = await Event(eventId).Cancel();

        Assert.Equal(new CancelEventResult(CancelEventStatus.Cancelled, 1, 2), first);
        Assert.Equal(BookingStatus.Confirmed, (await Grains.GetGrain<IBookingGrain>(failing.BookingId).Get())!.Status);

        // The next call resumes the one still left; the reminder's tick does the same.
        await Grains.GetGrain<IRemindable>(Event(eventId).GetGrainId()).ReceiveReminder("refund-bookings", default);
        var second = await Event(eventId).Cancel();

        Assert.Equal(new CancelEventResult(CancelEventStatus.Cancelled, 3, 0), second);
        foreach (var booking in new[] { fine, failing, lateFailing }) await AssertRefunded(booking);
        Assert.Equal(1, RefundCalls(fine));
        foreach (var booking in new[] { failing, lateFailing }) Assert.Equal(1, (await Ledger(booking)).Refunds);
    }

    [Fact]
    public async Task A_cancellation_that_dies_while_writing_resumes_on_a_new_activation_and_refunds_each_booking_once()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var sold = new List<Booking>();
        for (var i = 1; i <= 5; i++) sold.Add(await Sell(eventId, $"A-1-{i}"));
        var journal = EventJournal.Name(eventId);
        // The cancellation's own append goes through; the first append of refunds fails, and the activation goes.
        fixture.Journals.FailEveryNthAppend(journal, fixture.Journals.AppendsOf(journal) + 2);

        await Assert.ThrowsAnyAsync<Exception>(() => Event(eventId).Cancel());
        fixture.Journals.FailEveryNthAppend(journal, 0);
        Assert.True((await Event(eventId).GetView())!.Cancelled);
        var resumed = await Event(eventId).Cancel();

        Assert.Equal(new CancelEventResult(CancelEventStatus.Cancelled, 5, 0), resumed);
        foreach (var booking in sold)
        {
            await AssertRefunded(booking);
            Assert.Equal(1, RefundCalls(booking));
        }
    }

    [Fact]
    public async Task A_payment_in_flight_when_the_event_is_cancelled_is_refunded_by_its_booking()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var held = (await Event(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
        var booking = Grains.GetGrain<IBookingGrain>(BookingIds.For(user, Guid.NewGuid().ToString()));
        var command = new BookCommand(user, held.ReservationId, "tok_crash_visa");
        // Charged, then the booking's call died before it confirmed: the hold stays pinned.
        await Assert.ThrowsAnyAsync<Exception>(() => booking.Book(command));

        Assert.Equal(new CancelEventResult(CancelEventStatus.Cancelled, 0, 0), await Event(eventId).Cancel());
        var replay = await booking.Book(command);

        Assert.Equal(BookStatus.ReservationGone, replay.Status);
        Assert.True((await fixture.Payments.Entry(booking.GetPrimaryKeyString()))!.Refunded);
        var section = (await Event(eventId).GetView())!.Sections.Single();
        Assert.Equal((0, 0), (section.Held, section.Sold));
    }

    [Fact]
    public async Task An_event_that_has_started_cannot_be_cancelled()
    {
        var eventId = await TestCatalog.CreateEventStarting(fixture, fixture.Time.GetUtcNow().AddHours(1), [TicketMaster.Catalog.SectionDefinition.Seated("A", "Floor", 2, 2)]);
        var booking = await Sell(eventId, "A-1-1");
        fixture.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(CancelEventStatus.Started, (await Event(eventId).Cancel()).Status);
        Assert.False((await Event(eventId).GetView())!.Cancelled);
        Assert.False((await Ledger(booking)).Refunded);
    }

    [Fact]
    public async Task Cancelling_an_unknown_event_is_not_found()
    {
        Assert.Equal(CancelEventStatus.NotFound, (await Event("evt_" + Guid.NewGuid().ToString("N")).Cancel()).Status);
    }

    [Fact]
    public async Task A_cancelled_event_replays_from_its_journal_with_its_refunds()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        await Sell(eventId, "A-1-1");
        await Sell(eventId, "A-1-2");
        await Event(eventId).Cancel();

        var replayed = await EventMemory.Load(eventId, fixture.Journals, fixture.Cluster.Client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>());

        Assert.True(replayed.State.Cancelled);
        Assert.Equal(2, replayed.State.BookingsRefunded);
        Assert.Equal(0, replayed.Map!.SaleCount);
        Assert.Equal(TicketMaster.Search.Availability.Cancelled, replayed.State.SearchAvailability);
    }
}
