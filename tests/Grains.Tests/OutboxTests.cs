using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TicketMaster.Bookings;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Mail;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Tests;

/// <summary>The outbox's half in the grains: a sale owes its mail in its own append, and the mail reaches the outbox once, whatever dies between.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_sale_whose_event_went_away_before_handing_its_mail_on_hands_it_on_once_after()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = fixture.Grains.GetGrain<IEventGrain>(eventId);
        var user = TestCatalog.User();
        var bookingId = BookingIds.For(user, "mail");
        var mailId = MailShards.ConfirmationOf(bookingId);
        var shard = MailShards.Of(mailId);
        var outbox = fixture.Grains.GetGrain<IMailOutboxGrain>(shard);
        // The outbox's storage is down: the sale must still go through, its mail owed in the event's own journal.
        fixture.Journals.FailEveryNthAppend(MailOutboxGrain.JournalName(shard), 1);
        try
        {
            var held = (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-2-1", "A-2-2"]))).Reservation!;
            var booked = await fixture.Grains.GetGrain<IBookingGrain>(bookingId).Book(new BookCommand(user, held.ReservationId, "tok_visa", "fan@mail.example"));
            Assert.Equal(BookStatus.Confirmed, booked.Status);

            var stored = await EventMemory.Load(eventId, fixture.Journals, Serializer);
            Assert.Equal("fan@mail.example", stored.State.MailsToHandOn[mailId].To);
            await fixture.Cluster.DeactivateAsync(grain);
        }
        finally
        {
            fixture.Journals.FailEveryNthAppend(MailOutboxGrain.JournalName(shard), 0);
        }

        // The next activation (here woken by a read) hands on what its journal still owes.
        await grain.GetView();
        await Eventually.True(async () => (await EventMemory.Load(eventId, fixture.Journals, Serializer)).State.MailsToHandOn.Count == 0, Patience,
            "the event records the mail as handed on");
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.DeactivateAsync(outbox);
        await grain.GetView();

        var queued = (await outbox.TakeDue(1000, TimeSpan.FromMinutes(1))).Where(d => d.Mail.MailId == mailId).ToList();
        var mail = Assert.Single(queued);
        Assert.Equal("fan@mail.example", mail.Mail.To);
        var confirmed = Assert.IsType<BookingConfirmedMail>(mail.Mail.Content);
        Assert.Equal(bookingId, confirmed.BookingId);
        Assert.Equal(["A-2-1", "A-2-2"], confirmed.Sale.Tickets.Select(t => t.SeatId));
    }

    [Fact]
    public async Task A_fan_cancellation_whose_call_died_before_the_refund_was_recorded_owes_its_one_mail_when_the_sweep_finishes_it()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var user = TestCatalog.User();
        var bookingId = BookingIds.For(user, "cancel");
        var booking = fixture.Grains.GetGrain<IBookingGrain>(bookingId);
        var held = (await fixture.Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-3-1", "A-3-2"]))).Reservation!;
        // The refund goes through and the call dies before the event hears of it.
        Assert.Equal(BookStatus.Confirmed, (await booking.Book(new BookCommand(user, held.ReservationId, "tok_refund_crash_visa", "canceller@mail.example"))).Status);
        await Assert.ThrowsAnyAsync<Exception>(() => booking.Cancel(user));
        var mailId = MailShards.BookingCancellationOf(bookingId);
        // Returned, its money not yet recorded as back: nothing is owed yet, the mail would promise what is not done.
        Assert.DoesNotContain(mailId, (await EventMemory.Load(eventId, fixture.Journals, Serializer)).State.MailsToHandOn.Keys);

        // Past a payment's time and the margin, the event's sweep hands the sale to its booking, which records the refund.
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var outbox = fixture.Grains.GetGrain<IMailOutboxGrain>(MailShards.Of(mailId));
        List<MailDelivery> queued = [];
        await Eventually.True(async () =>
        {
            queued = [.. (await outbox.TakeDue(1000, TimeSpan.FromMinutes(5))).Where(d => d.Mail.MailId == mailId)];
            return queued.Count > 0;
        }, Patience, "the cancellation's mail reaches the outbox");
        // The fan cancels again: answered as cancelled, nothing more owed.
        Assert.Equal(CancelStatus.Cancelled, (await booking.Cancel(user)).Status);

        var mail = Assert.Single(queued);
        Assert.Equal("canceller@mail.example", mail.Mail.To);
        var cancelled = Assert.IsType<BookingCancelledMail>(mail.Mail.Content);
        Assert.Equal((bookingId, SaleStatus.Refunded), (cancelled.BookingId, cancelled.Sale.Status));
        Assert.Equal(["A-3-1", "A-3-2"], cancelled.Sale.Seats.Select(s => s.SeatId));
        await Eventually.True(async () => (await EventMemory.Load(eventId, fixture.Journals, Serializer)).State.MailsToHandOn.Count == 0, Patience,
            "the event records the mail as handed on");
        Assert.DoesNotContain(await outbox.TakeDue(1000, TimeSpan.Zero), d => d.Mail.MailId == mailId);
    }

    [Fact]
    public async Task A_waitlist_offer_owes_its_fan_one_mail_in_its_own_change_and_a_join_without_an_address_none()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, SectionDefinition.GeneralAdmission("GA", "Standing", 2));
        var grain = fixture.Grains.GetGrain<IEventGrain>(eventId);
        var (holder, silent, mailed) = (TestCatalog.User(), TestCatalog.User(), TestCatalog.User());
        var first = (await grain.Reserve(ReserveRequest.BestAvailable(holder, "GA", 1))).Reservation!;
        var second = (await grain.Reserve(ReserveRequest.BestAvailable(holder, "GA", 1))).Reservation!;
        // Joined as before addresses were kept: an offer, no mail.
        Assert.Equal(WaitlistStatus.Waiting, (await grain.JoinWaitlist(silent, 1, "GA")).Status);
        Assert.Equal(WaitlistStatus.Waiting, (await grain.JoinWaitlist(mailed, 1, "GA", "waiting@mail.example")).Status);
        // The offer will be made inside a commit, which cannot await a reminder: the wake-up for its mail is there from the join.
        Assert.Contains((await Reminders.ReadRows(grain.GetGrainId())).Reminders, r => r.ReminderName == "hand-on-mail");
        // The outbox is down: the offer must still be made, its mail owed in the event's own journal.
        var shards = Enumerable.Range(0, MailShards.Count).Select(shard => MailOutboxGrain.JournalName(shard)).ToList();
        shards.ForEach(journal => fixture.Journals.FailEveryNthAppend(journal, 1));
        Reservation offer;
        try
        {
            Assert.Equal(HoldStatus.Ok, (await grain.Release(first.ReservationId, holder)).Status);
            Assert.Equal(HoldStatus.Ok, (await grain.Release(second.ReservationId, holder)).Status);
            Assert.Single(await grain.HoldsOf(silent));
            offer = Assert.Single(await grain.HoldsOf(mailed));
            var owed = (await EventMemory.Load(eventId, fixture.Journals, Serializer)).State.MailsToHandOn;
            var pending = Assert.Single(owed);
            Assert.Equal((MailShards.WaitlistOfferOf(offer.ReservationId), "waiting@mail.example", OwedMail.WaitlistOffer), (pending.Key, pending.Value.To, pending.Value.Kind));
            await fixture.Cluster.DeactivateAsync(grain);
        }
        finally
        {
            shards.ForEach(journal => fixture.Journals.FailEveryNthAppend(journal, 0));
        }

        // The next activation hands on what its journal still owes.
        await grain.GetView();
        await Eventually.True(async () => (await EventMemory.Load(eventId, fixture.Journals, Serializer)).State.MailsToHandOn.Count == 0, Patience,
            "the event records the mail as handed on");
        var mailId = MailShards.WaitlistOfferOf(offer.ReservationId);
        var mail = Assert.Single(await fixture.Grains.GetGrain<IMailOutboxGrain>(MailShards.Of(mailId)).TakeDue(1000, TimeSpan.FromMinutes(1)), d => d.Mail.MailId == mailId);
        Assert.Equal("waiting@mail.example", mail.Mail.To);
        var content = Assert.IsType<WaitlistOfferMail>(mail.Mail.Content);
        Assert.Equal((offer.ReservationId, offer.ExpiresAt, offer.Total), (content.Offer.ReservationId, content.Offer.ExpiresAt, content.Offer.Total));
        Assert.Equal(offer.Seats, content.Offer.Seats);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(15), content.Offer.ExpiresAt);
    }

    [Fact]
    public async Task A_mail_handed_on_twice_is_queued_once_and_one_sent_is_not_queued_again()
    {
        var mail = new OutboxMail($"test/{Guid.NewGuid():N}", "twice@mail.example", new PasswordResetMail("token", ClusterFixture.Start), ClusterFixture.Start);
        var outbox = fixture.Grains.GetGrain<IMailOutboxGrain>(MailShards.Of(mail.MailId));

        await outbox.Enqueue([mail]);
        await outbox.Enqueue([mail]);
        await fixture.Cluster.DeactivateAsync(outbox);
        await outbox.Enqueue([mail]);
        Assert.Single(await outbox.TakeDue(1000, TimeSpan.FromMinutes(1)), d => d.Mail.MailId == mail.MailId);

        await outbox.MarkSent([mail.MailId]);
        await outbox.Enqueue([mail]);
        await fixture.Cluster.DeactivateAsync(outbox);
        await outbox.Enqueue([mail]);
        Assert.DoesNotContain(await outbox.TakeDue(1000, TimeSpan.Zero), d => d.Mail.MailId == mail.MailId);
    }

    [Fact]
    public async Task A_taken_mail_is_lent_to_no_other_sender_until_its_lease_ends_and_a_failed_one_waits_its_backoff()
    {
        var mail = new OutboxMail($"test/{Guid.NewGuid():N}", "lease@mail.example", new PasswordResetMail("token", ClusterFixture.Start), ClusterFixture.Start);
        var outbox = fixture.Grains.GetGrain<IMailOutboxGrain>(MailShards.Of(mail.MailId));
        await outbox.Enqueue([mail]);

        Assert.Contains(await outbox.TakeDue(1000, TimeSpan.FromMinutes(2)), d => d.Mail.MailId == mail.MailId);
        Assert.DoesNotContain(await outbox.TakeDue(1000, TimeSpan.FromMinutes(2)), d => d.Mail.MailId == mail.MailId);
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var again = Assert.Single(await outbox.TakeDue(1000, TimeSpan.FromMinutes(2)), d => d.Mail.MailId == mail.MailId);
        Assert.Equal(2, again.Attempt);

        await outbox.MarkFailed(mail.MailId, "relay down", permanent: false);
        Assert.DoesNotContain(await outbox.TakeDue(1000, TimeSpan.FromMinutes(2)), d => d.Mail.MailId == mail.MailId);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains(await outbox.TakeDue(1000, TimeSpan.FromMinutes(2)), d => d.Mail.MailId == mail.MailId);
        await outbox.MarkFailed(mail.MailId, "no such mailbox", permanent: true);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(await outbox.TakeDue(1000, TimeSpan.Zero), d => d.Mail.MailId == mail.MailId);
    }

    private Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    private IReminderTable Reminders => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
}
