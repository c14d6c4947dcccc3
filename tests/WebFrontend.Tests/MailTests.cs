using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TicketMaster.Hosting.Mail;
using TicketMaster.Hosting.Tickets;
using TicketMaster.Mail;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Mail through a real SMTP server: each cause's mail arrives once, whatever the relay did meanwhile.</summary>
[Collection(MailCollection.Name)]
public sealed class MailTests(MailFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Api _api = new(factory);

    [Fact]
    public async Task A_booking_confirmation_arrives_once_with_a_qr_code_per_ticket()
    {
        var eventId = await _api.CreateEvent(name: "Mail Night");
        var (fan, email) = await RegisteredFan();
        var booked = await Api.Book(fan, await Api.Hold(fan, eventId, "A-1-1", "A-1-2"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await Api.Json(booked);
        var bookingId = booking["bookingId"]!.GetValue<string>();
        var codes = booking["tickets"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).ToList();

        await Eventually.True(() => Task.FromResult(factory.MailTo(email).Count > 0), Patience, "the confirmation arrives");
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        // Longer than many polls of the sender: a second copy would be here by now.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var mail = Assert.Single(factory.MailTo(email));
        Assert.Equal("Your tickets for Mail Night", mail.Subject);
        Assert.Equal(Composer().MessageIdOf(MailShards.ConfirmationOf(bookingId)), mail.MessageId);
        Assert.All(codes, code => Assert.Contains(code, mail.TextBody));
        Assert.Contains("A-1-2", mail.HtmlBody);
        var images = mail.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(codes.Count, images.Count);
        // Each inline image is the QR code of one ticket's code, referenced by the HTML and fetched from nowhere else.
        var pictured = images.Select(image => Png(image)).ToList();
        Assert.All(codes, code => Assert.Contains(pictured, png => png.SequenceEqual(TicketQr.Png(code))));
        Assert.All(images, image => Assert.Contains($"cid:{image.ContentId}", mail.HtmlBody));
        Assert.DoesNotContain("http", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mails_caused_while_the_relay_is_down_arrive_once_after_it_is_back()
    {
        var eventId = await _api.CreateEvent();
        var fans = new List<string>();
        using var retries = new RetryCounter();
        factory.StopSmtp();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var (fan, email) = await RegisteredFan();
                fans.Add(email);
                Assert.Equal(HttpStatusCode.Created, (await Api.Book(fan, await Api.Hold(fan, eventId, $"A-2-{i + 1}"))).StatusCode);
            }
            // Each mail tried, refused, and tried again once its backoff (at most Mail:RetryMax, half a second) passed.
            await Eventually.True(() => Task.FromResult(retries.Count >= 3), Patience, "every mail's first try fails");
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Eventually.True(() => Task.FromResult(retries.Count >= 6), Patience, "every mail's second try fails");
            Assert.Equal(3, await factory.Waiting());
        }
        finally
        {
            factory.StartSmtp();
        }

        factory.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox empties once the relay is back");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.All(fans, email => Assert.Single(factory.MailTo(email)));
    }

    [Fact]
    public async Task An_event_cancellation_reaches_every_fan_who_had_a_booking_once()
    {
        var eventId = await _api.CreateEvent(name: "Called Off");
        var fans = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (fan, email) = await RegisteredFan();
            fans.Add(email);
            Assert.Equal(HttpStatusCode.Created, (await Api.Book(fan, await Api.Hold(fan, eventId, $"A-3-{i + 1}"))).StatusCode);
        }
        var (holder, holderEmail) = await RegisteredFan();
        await Api.Hold(holder, eventId, "A-4-1");

        var admin = await _api.Admin();
        await Eventually.True(async () =>
        {
            var cancelled = await Api.Json(await admin.PostAsync($"/api/v1/events/{eventId}/cancel", null));
            return cancelled["bookingsToRefund"]!.GetValue<int>() == 0;
        }, Patience, "every booking is refunded");

        await Eventually.True(() => Task.FromResult(fans.All(f => factory.MailTo(f).Count >= 2)), Patience, "every fan has the confirmation and the cancellation");
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        foreach (var email in fans)
        {
            var cancellation = Assert.Single(factory.MailTo(email), m => m.Subject?.Contains("cancelled", StringComparison.Ordinal) == true);
            Assert.Equal("Called Off is cancelled: your money is on its way back", cancellation.Subject);
            Assert.Contains("120.00 USD", cancellation.TextBody);
            Assert.Equal(2, factory.MailTo(email).Count);
        }
        // A hold is no booking: nothing to tell.
        Assert.Empty(factory.MailTo(holderEmail));
    }

    [Fact]
    public async Task Tickets_passed_on_reach_their_receiver_once_with_their_new_codes()
    {
        var eventId = await _api.CreateEvent(name: "Passed On");
        var (giver, giverEmail) = await RegisteredFan();
        var (receiver, receiverEmail) = await RegisteredFan();
        var booking = await Api.Json(await Api.Book(giver, await Api.Hold(giver, eventId, "A-5-1", "A-5-2")));
        var ticket = booking["tickets"]!.AsArray().Single(t => t!["seatId"]!.GetValue<string>() == "A-5-2")!;

        var moved = await giver.PostAsJsonAsync($"/api/v1/bookings/{booking["bookingId"]!.GetValue<string>()}/transfer",
            new { toEmail = receiverEmail, ticketIds = new[] { ticket["ticketId"]!.GetValue<string>() } });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var received = (await Api.Json(await receiver.GetAsync("/api/v1/bookings"))).AsArray()
            .SelectMany(b => b!["tickets"]!.AsArray()).Single(t => t!["seatId"]!.GetValue<string>() == "A-5-2")!;
        var newCode = received["code"]!.GetValue<string>();
        Assert.NotEqual(ticket["code"]!.GetValue<string>(), newCode);

        await Eventually.True(() => Task.FromResult(factory.MailTo(receiverEmail).Count > 0), Patience, "the receiver's mail arrives");
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var mail = Assert.Single(factory.MailTo(receiverEmail));
        Assert.Equal("Tickets for Passed On were passed on to you", mail.Subject);
        Assert.Contains(newCode, mail.TextBody);
        Assert.DoesNotContain(ticket["code"]!.GetValue<string>(), mail.TextBody);
        var image = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.Equal(TicketQr.Png(newCode), Png(image));
        Assert.Single(factory.MailTo(giverEmail));
    }

    [Fact]
    public async Task A_moved_event_reaches_every_fan_holding_its_tickets_once()
    {
        var admin = await _api.Admin();
        var venueId = await Api.CreateVenue(admin);
        var eventId = await _api.CreateEventAs(admin, venueId, name: "Moved Night");
        var (buyer, buyerEmail) = await RegisteredFan();
        var (receiver, receiverEmail) = await RegisteredFan();
        var (leaver, leaverEmail) = await RegisteredFan();
        var booking = await Api.Json(await Api.Book(buyer, await Api.Hold(buyer, eventId, "A-1-1", "A-1-2")));
        var given = booking["tickets"]![1]!["ticketId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsJsonAsync($"/api/v1/bookings/{booking["bookingId"]!.GetValue<string>()}/transfer",
            new { toEmail = receiverEmail, ticketIds = new[] { given } })).StatusCode);
        var left = await Api.Json(await Api.Book(leaver, await Api.Hold(leaver, eventId, "A-2-1")));
        Assert.Equal(HttpStatusCode.OK, (await leaver.PostAsync($"/api/v1/bookings/{left["bookingId"]!.GetValue<string>()}/cancel", null)).StatusCode);
        await Eventually.True(async () => await factory.Waiting() == 0 && factory.MailTo(receiverEmail).Count == 1 && factory.MailTo(leaverEmail).Count == 2,
            Patience, "the earlier mails are out");

        var body = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(_api.EventBody(venueId, "Moved Night")))!;
        var newStart = factory.Time.GetUtcNow().AddMonths(4);
        body["startsAt"] = newStart;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/events/{eventId}", body)).StatusCode);
        // Renaming it again without moving it tells nobody anything.
        body["description"] = "Louder.";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/events/{eventId}", body)).StatusCode);

        await Eventually.True(() => Task.FromResult(factory.MailTo(buyerEmail).Count >= 2 && factory.MailTo(receiverEmail).Count >= 2), Patience, "both fans hear of the move");
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        foreach (var email in new[] { buyerEmail, receiverEmail })
        {
            var moved = Assert.Single(factory.MailTo(email), m => m.Subject?.Contains("new date", StringComparison.Ordinal) == true);
            Assert.Contains(newStart.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), moved.TextBody);
            Assert.Equal(2, factory.MailTo(email).Count);
        }
        // A fan who cancelled holds no tickets: their confirmation and their cancellation, nothing of the move.
        Assert.Equal(2, factory.MailTo(leaverEmail).Count);
        Assert.DoesNotContain(factory.MailTo(leaverEmail), m => m.Subject?.Contains("new date", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_fan_who_cancels_their_booking_gets_one_mail_that_the_money_is_on_its_way_back()
    {
        var eventId = await _api.CreateEvent(name: "Changed Mind");
        var (fan, email) = await RegisteredFan();
        var booking = await Api.Json(await Api.Book(fan, await Api.Hold(fan, eventId, "A-2-1", "A-2-2")));
        var bookingId = booking["bookingId"]!.GetValue<string>();

        var cancelled = await fan.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        // A repeat answers the same and owes nothing more.
        Assert.Equal(HttpStatusCode.OK, (await fan.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null)).StatusCode);

        await Eventually.True(() => Task.FromResult(factory.MailTo(email).Count >= 2), Patience, "the confirmation and the cancellation arrive");
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, factory.MailTo(email).Count);
        var mail = Assert.Single(factory.MailTo(email), m => m.Subject?.Contains("cancelled", StringComparison.Ordinal) == true);
        Assert.Equal("Your booking for Changed Mind is cancelled: your money is on its way back", mail.Subject);
        Assert.Equal(Composer().MessageIdOf(MailShards.BookingCancellationOf(bookingId)), mail.MessageId);
        Assert.Contains("240.00 USD", mail.TextBody);
        Assert.Contains("A-2-1, A-2-2", mail.TextBody);
        Assert.Contains(bookingId, mail.HtmlBody);
        Assert.DoesNotContain("http", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_fan_offered_seats_from_the_waitlist_gets_one_mail_saying_until_when_with_a_link_to_pay()
    {
        // One-row section A (10 seats), all held: the fan waits for two of them.
        var eventId = await _api.CreateEvent(rows: 1, name: "Second Chance");
        var holder = _api.AsNewUser();
        var released = await Api.Json(await holder.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "A", quantity = 8 }));
        await Api.Hold(_api.AsNewUser(), eventId, "A-1-9", "A-1-10");
        var (fan, email) = await RegisteredFan();
        Assert.Equal(HttpStatusCode.OK, (await fan.PostAsJsonAsync($"/api/v1/events/{eventId}/waitlist", new { quantity = 2, sectionId = "A" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await holder.DeleteAsync($"/api/v1/reserve/{released["reservationId"]!.GetValue<string>()}")).StatusCode);
        System.Text.Json.Nodes.JsonNode? offer = null;
        await Eventually.True(async () =>
        {
            var items = (await Api.Json(await fan.GetAsync("/api/v1/reservations")))["items"]!.AsArray();
            offer = items.Count == 1 ? items[0] : null;
            return offer is not null;
        }, Patience, "the offer listed among the fan's holds");
        var offerId = offer!["reservationId"]!.GetValue<string>();
        var until = offer["expiresAt"]!.GetValue<DateTimeOffset>().UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

        await Eventually.True(() => Task.FromResult(factory.MailTo(email).Count > 0), Patience, "the offer's mail arrives");
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var mail = Assert.Single(factory.MailTo(email));
        Assert.Equal($"Seats for Second Chance are held for you until {until}", mail.Subject);
        Assert.Equal(Composer().MessageIdOf(MailShards.WaitlistOfferOf(offerId)), mail.MessageId);
        var link = $"https://tickets.tests.example/events/{eventId}";
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.All(offer["seats"]!.AsArray(), seat => Assert.Contains(seat!["seatId"]!.GetValue<string>(), mail.TextBody));
        Assert.Contains(until, mail.TextBody);
    }

    [Fact]
    public async Task A_sender_that_fails_to_note_a_mail_the_relay_accepted_sends_one_second_copy_with_the_same_message_id()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var mail = new OutboxMail($"test/duplicate/{Guid.NewGuid():N}", email, new PasswordResetMail("token", factory.Time.GetUtcNow().AddMinutes(30)), factory.Time.GetUtcNow());
        var shard = MailShards.Of(mail.MailId);
        var journal = Grains.Mail.MailOutboxGrain.JournalName(shard);
        // The shard's next append (queueing the mail) is written; the one after (noting it sent) fails, as a sender killed
        // between the relay's "accepted" and its note would leave it: the mail still waiting, its lease gone with the activation.
        factory.Journals.FailEveryNthAppend(journal, factory.Journals.AppendsOf(journal) + 2);
        try
        {
            await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IMailOutboxGrain>(shard).Enqueue([mail]);
            await Eventually.True(() => Task.FromResult(factory.MailTo(email).Count >= 2), Patience, "the relay receives the mail again");
        }
        finally
        {
            factory.Journals.FailEveryNthAppend(journal, 0);
        }
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the second try is noted and the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var copies = factory.MailTo(email);
        Assert.Equal(2, copies.Count);
        Assert.All(copies, copy => Assert.Equal(Composer().MessageIdOf(mail.MailId), copy.MessageId));
        Assert.Equal(copies[0].TextBody, copies[1].TextBody);
    }

    [Fact]
    public async Task While_the_machine_is_busy_mail_goes_at_a_tenth_of_its_pace_and_catches_up_after()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var mails = Enumerable.Range(0, 40)
            .Select(i => new OutboxMail($"test/busy/{Guid.NewGuid():N}", email, new PasswordResetMail("token" + i, factory.Time.GetUtcNow().AddMinutes(30)), factory.Time.GetUtcNow()))
            .ToList();
        factory.Machine.CpuPercent = 95;
        try
        {
            await Task.WhenAll(mails.GroupBy(m => MailShards.Of(m.MailId)).Select(shard => grains.GetGrain<IMailOutboxGrain>(shard.Key).Enqueue([.. shard])));
            // 100 a second when idle would send all 40 within half a second; busy, 10 a second (after one bucket's worth) does not.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.InRange(factory.MailTo(email).Count, 0, 30);
        }
        finally
        {
            factory.Machine.CpuPercent = 0;
        }

        await Eventually.True(() => Task.FromResult(factory.MailTo(email).Count == 40), Patience, "every mail once the machine is idle again");
        Assert.Equal(40, factory.MailTo(email).Select(m => m.MessageId).Distinct().Count());
    }

    /// <summary>Counts <c>ticketmaster.mail.retried</c> as the metrics exporter would see it.</summary>
    private sealed class RetryCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public RetryCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "ticketmaster.mail.retried") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    private async Task<(HttpClient Client, string Email)> RegisteredFan()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var registered = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-123", displayName = "Fan" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (_api.As(await _api.Token(email, "plum-orbit-123")), email);
    }

    private static MailComposer Composer() =>
        new(new SmtpSettings { From = "TicketMaster <tickets@tests.example>" }, new MailSenderSettings());

    private static byte[] Png(MimePart image)
    {
        using var bytes = new MemoryStream();
        image.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
