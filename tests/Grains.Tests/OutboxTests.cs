using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TicketMaster.Bookings;
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
}
