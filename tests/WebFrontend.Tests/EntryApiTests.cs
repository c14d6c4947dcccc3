using System.Net;
using System.Net.Http.Json;
using TicketMaster.Accounts;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The door (POST /events/{id}/scan) and moving tickets to a friend (POST /bookings/{id}/transfer).</summary>
[Collection(ApiCollection.Name)]
public sealed class EntryApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private HttpClient Gate() => _api.AsUser("u_gate_" + Guid.NewGuid().ToString("N"), Roles.Scanner);

    private static Task<HttpResponseMessage> Scan(HttpClient gate, string eventId, string? code) =>
        gate.PostAsJsonAsync($"/api/v1/events/{eventId}/scan", new { code });

    private async Task<(string EventId, HttpClient Fan, string BookingId, List<(string TicketId, string SeatId, string Code)> Tickets)> Bought(params string[] seats)
    {
        var eventId = await _api.CreateEvent();
        var (fan, _) = await _api.RegisteredUser();
        var booked = await Api.Book(fan, await Api.Hold(fan, eventId, seats));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await Api.Json(booked);
        return (eventId, fan, booking["bookingId"]!.GetValue<string>(),
            [.. booking["tickets"]!.AsArray().Select(t => (t!["ticketId"]!.GetValue<string>(), t["seatId"]!.GetValue<string>(), t["code"]!.GetValue<string>()))]);
    }

    [Fact]
    public async Task A_gate_admits_a_code_once_then_says_when_it_was_scanned()
    {
        var (eventId, _, _, tickets) = await Bought("A-1-1");
        var gate = Gate();

        var first = await Scan(gate, eventId, tickets[0].Code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var admitted = await Api.Json(first);
        Assert.Equal(("admitted", tickets[0].TicketId, "A-1-1"), (admitted["result"]!.GetValue<string>(), admitted["ticketId"]!.GetValue<string>(), admitted["seatId"]!.GetValue<string>()));

        var again = await Api.Problem(await Scan(Gate(), eventId, tickets[0].Code), HttpStatusCode.Conflict);
        Assert.Equal("already-scanned", again["result"]!.GetValue<string>());
        Assert.Equal(admitted["scannedAt"]!.GetValue<DateTimeOffset>(), again["scannedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Unknown_codes_are_404_and_a_cancelled_bookings_code_is_void()
    {
        var (eventId, fan, bookingId, tickets) = await Bought("A-2-1");
        var gate = Gate();
        await Api.Problem(await Scan(gate, eventId, "0123456789ABCDEF0123456789ABCDEF"), HttpStatusCode.NotFound);
        await Api.Problem(await Scan(gate, "evt_made_up", tickets[0].Code), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await fan.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null)).StatusCode);

        var voided = await Api.Problem(await Scan(gate, eventId, tickets[0].Code), HttpStatusCode.Gone);
        Assert.Equal("void", voided["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scanning_needs_the_scanner_or_admin_role_and_a_code()
    {
        var (eventId, fan, _, tickets) = await Bought("A-3-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Scan(_api.Anonymous(), eventId, tickets[0].Code)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Scan(fan, eventId, tickets[0].Code)).StatusCode);
        var missing = await Api.Problem(await Scan(Gate(), eventId, " "), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["code"]);
        await Api.Problem(await Scan(Gate(), eventId, new string('A', 65)), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, (await Scan(await _api.Admin(), eventId, tickets[0].Code)).StatusCode);
    }

    [Fact]
    public async Task A_fan_transfers_a_ticket_the_receiver_lists_it_with_a_new_code_and_the_old_code_is_void()
    {
        var (eventId, fan, bookingId, tickets) = await Bought("A-4-1", "A-4-2");
        var friendEmail = $"{Guid.NewGuid():N}@example.com";
        var friend = await Register(friendEmail);

        var moved = await fan.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/transfer", new { toEmail = friendEmail.ToUpperInvariant(), ticketIds = new[] { tickets[1].TicketId } });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var sender = await Api.Json(moved);
        Assert.Equal([tickets[0].TicketId], sender["tickets"]!.AsArray().Select(t => t!["ticketId"]!.GetValue<string>()));
        var received = Assert.Single((await Api.Json(await friend.GetAsync("/api/v1/bookings"))).AsArray());
        var ticket = Assert.Single(received!["tickets"]!.AsArray())!;
        Assert.Equal("A-4-2", ticket["seatId"]!.GetValue<string>());
        var newCode = ticket["code"]!.GetValue<string>();
        Assert.NotEqual(tickets[1].Code, newCode);

        var gate = Gate();
        await Api.Problem(await Scan(gate, eventId, tickets[1].Code), HttpStatusCode.Gone);
        Assert.Equal(HttpStatusCode.OK, (await Scan(gate, eventId, newCode)).StatusCode);
        // Moved already, and now admitted: neither moves again.
        await Api.Problem(await fan.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/transfer", new { toEmail = friendEmail, ticketIds = new[] { tickets[1].TicketId } }), HttpStatusCode.Conflict);
        var receivedId = received["bookingId"]!.GetValue<string>();
        await Api.Problem(await friend.PostAsJsonAsync($"/api/v1/bookings/{receivedId}/transfer", new { toEmail = $"{Guid.NewGuid():N}@example.com", ticketIds = new[] { ticket["ticketId"]!.GetValue<string>() } }), HttpStatusCode.NotFound);
        await Api.Problem(await friend.PostAsJsonAsync($"/api/v1/bookings/{receivedId}/transfer", new { toEmail = (await RegisteredEmail()), ticketIds = new[] { ticket["ticketId"]!.GetValue<string>() } }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_transfer_is_refused_for_an_unknown_receiver_another_fans_booking_bad_input_and_after_the_start()
    {
        var (_, fan, bookingId, tickets) = await Bought("A-5-1");
        var friendEmail = await RegisteredEmail();
        var body = new { toEmail = friendEmail, ticketIds = new[] { tickets[0].TicketId } };

        await Api.Problem(await fan.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/transfer", new { toEmail = "nobody-here@example.com", ticketIds = body.ticketIds }), HttpStatusCode.NotFound);
        await Api.Problem(await _api.AsNewUser().PostAsJsonAsync($"/api/v1/bookings/{bookingId}/transfer", body), HttpStatusCode.Forbidden);
        await Api.Problem(await fan.PostAsJsonAsync("/api/v1/bookings/bk_made_up/transfer", body), HttpStatusCode.NotFound);
        foreach (var (bad, field) in new (object, string)[]
        {
            (new { toEmail = "not-an-email", ticketIds = body.ticketIds }, "toEmail"),
            (new { toEmail = friendEmail, ticketIds = Array.Empty<string>() }, "ticketIds"),
            (new { toEmail = friendEmail, ticketIds = new[] { tickets[0].TicketId, tickets[0].TicketId } }, "ticketIds"),
            (new { toEmail = friendEmail, ticketIds = new[] { bookingId + "-9" } }, "ticketIds"),
        })
        {
            var problem = await Api.Problem(await fan.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/transfer", bad), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![field]);
        }

        var late = await _api.CreateEvent(startsAt: factory.Time.GetUtcNow().AddHours(1));
        var (lateFan, _) = await _api.RegisteredUser();
        var booked = await Api.Json(await Api.Book(lateFan, await Api.Hold(lateFan, late, "A-1-1")));
        factory.Time.Advance(TimeSpan.FromHours(2));
        await Api.Problem(await lateFan.PostAsJsonAsync($"/api/v1/bookings/{booked["bookingId"]!.GetValue<string>()}/transfer",
            new { toEmail = friendEmail, ticketIds = new[] { booked["tickets"]![0]!["ticketId"]!.GetValue<string>() } }), HttpStatusCode.Conflict);
    }

    private async Task<HttpClient> Register(string email)
    {
        var registered = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-123", displayName = "Friend" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return _api.As(await _api.Token(email, "plum-orbit-123"));
    }

    private async Task<string> RegisteredEmail()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await Register(email);
        return email;
    }
}
