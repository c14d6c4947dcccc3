using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
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
        await Eventually.True(async () => await factory.Waiting() == 0 && factory.MailTo(receiverEmail).Count == 1, Patience, "the earlier mails are out");

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
        // A fan who cancelled holds no tickets: only their confirmation.
        Assert.Single(factory.MailTo(leaverEmail));
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
