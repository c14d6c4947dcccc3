using TicketMaster.Bookings;
using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class BookingFlowTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task A_fan_reserves_pays_and_gets_tickets_listed_in_their_bookings()
    {
        var eventId = await _api.CreateEvent();
        var (fan, userId) = await _api.RegisteredUser();

        var reserved = await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "A", quantity = 3 });
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var reservation = await Api.Json(reserved);
        Assert.Equal(["A-1-1", "A-1-2", "A-1-3"], reservation["seats"]!.AsArray().Select(s => s!["seatId"]!.GetValue<string>()));
        Assert.Equal(360m, reservation["total"]!.GetValue<decimal>());
        Assert.Equal("USD", reservation["currency"]!.GetValue<string>());
        Assert.EndsWith("Z", reservation["expiresAt"]!.GetValue<string>());

        var booked = await Api.Book(fan, reservation["reservationId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await Api.Json(booked);
        Assert.Equal("confirmed", booking["status"]!.GetValue<string>());
        Assert.Equal(eventId, booking["eventId"]!.GetValue<string>());
        var tickets = booking["tickets"]!.AsArray();
        Assert.Equal(3, tickets.Select(t => t!["code"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(3, tickets.Select(t => t!["ticketId"]!.GetValue<string>()).Distinct().Count());

        var bookingId = booking["bookingId"]!.GetValue<string>();
        var mine = await Api.Json(await fan.GetAsync("/api/v1/bookings"));
        Assert.Equal([bookingId], mine.AsArray().Select(b => b!["bookingId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await fan.GetAsync($"/api/v1/bookings/{bookingId}")).StatusCode);
        await Api.Problem(await _api.AsNewUser().GetAsync($"/api/v1/bookings/{bookingId}"), HttpStatusCode.Forbidden);

        var seats = await Api.SeatStatuses(fan, eventId);
        Assert.Equal("sold", seats["A-1-2"]);
        Assert.Equal("available", seats["A-1-4"]);
        var view = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}"));
        Assert.Equal(47, view["sections"]!.AsArray().Single(s => s!["sectionId"]!.GetValue<string>() == "A")!["available"]!.GetValue<int>());
        Assert.NotNull(userId);
    }

    [Fact]
    public async Task Cancelling_a_booking_refunds_it_and_returns_the_seats_to_sale()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();
        var booking = await Api.Json(await Api.Book(fan, await Api.Hold(fan, eventId, "A-2-2")));
        var bookingId = booking["bookingId"]!.GetValue<string>();

        await Api.Problem(await _api.AsNewUser().PostAsync($"/api/v1/bookings/{bookingId}/cancel", null), HttpStatusCode.Forbidden);
        var cancelled = await fan.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await Api.Json(cancelled))["status"]!.GetValue<string>());
        Assert.True((await factory.Payments.Entry(bookingId))!.Refunded);
        Assert.Equal("available", (await Api.SeatStatuses(fan, eventId))["A-2-2"]);
        Assert.Equal(HttpStatusCode.Created, (await Api.Reserve(_api.AsNewUser(), eventId, "A-2-2")).StatusCode);
    }

    [Fact]
    public async Task Two_hundred_fans_racing_for_one_seat_one_gets_201_and_199_get_409()
    {
        var eventId = await _api.CreateEvent();
        var fans = Enumerable.Range(0, 200).Select(_ => _api.AsNewUser()).ToList();

        var responses = await Task.WhenAll(fans.Select(fan => Api.Reserve(fan, eventId, "A-1-7")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(199, conflicts.Count);
        var problem = await Api.Problem(conflicts[0], HttpStatusCode.Conflict);
        Assert.Equal(["A-1-7"], problem["unavailable"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Replaying_a_book_request_with_the_same_key_returns_the_same_booking_and_charges_once()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();
        var reservationId = await Api.Hold(fan, eventId, "A-3-3");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Api.Book(fan, reservationId, key: "same-key")));
        var bodies = await Task.WhenAll(answers.Select(Api.Json));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var bookingId = Assert.Single(bodies.Select(b => b["bookingId"]!.GetValue<string>()).Distinct());
        Assert.Single(bodies.Select(b => b["tickets"]![0]!["code"]!.GetValue<string>()).Distinct());
        Assert.NotNull(await factory.Payments.Entry(bookingId));
    }

    [Fact]
    public async Task A_declined_payment_is_402_and_the_hold_stays()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();
        var reservationId = await Api.Hold(fan, eventId, "A-1-1");

        await Api.Problem(await Api.Book(fan, reservationId, "tok_decline"), HttpStatusCode.PaymentRequired);

        Assert.Equal("held", (await Api.SeatStatuses(fan, eventId))["A-1-1"]);
        Assert.Equal(HttpStatusCode.Created, (await Api.Book(fan, reservationId, "tok_visa")).StatusCode);
    }

    [Fact]
    public async Task A_timed_out_payment_is_504_charges_nothing_and_the_hold_stays()
    {
        var eventId = await _api.CreateEvent();
        var (fan, userId) = _api.NewUser();
        var reservationId = await Api.Hold(fan, eventId, "A-1-1");

        await Api.Problem(await Api.Book(fan, reservationId, "tok_timeout_slow_bank", key: "slow-bank"), HttpStatusCode.GatewayTimeout);

        Assert.Null(await factory.Payments.Entry(BookingIds.For(userId, "slow-bank")));
        Assert.Equal("held", (await Api.SeatStatuses(fan, eventId))["A-1-1"]);
    }

    [Fact]
    public async Task Booking_an_expired_reservation_is_410()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();
        var reservationId = await Api.Hold(fan, eventId, "A-4-4");

        factory.Time.Advance(TimeSpan.FromMinutes(10));

        await Api.Problem(await Api.Book(fan, reservationId), HttpStatusCode.Gone);
        Assert.Equal("available", (await Api.SeatStatuses(fan, eventId))["A-4-4"]);
    }

    [Fact]
    public async Task Booking_a_released_reservation_is_410()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();
        var reservationId = await Api.Hold(fan, eventId, "A-4-5");
        Assert.Equal(HttpStatusCode.NoContent, (await fan.DeleteAsync($"/api/v1/reserve/{reservationId}")).StatusCode);

        await Api.Problem(await Api.Book(fan, reservationId), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Booking_or_releasing_another_fans_reservation_is_403()
    {
        var eventId = await _api.CreateEvent();
        var reservationId = await Api.Hold(_api.AsNewUser(), eventId, "A-5-5");
        var stranger = _api.AsNewUser();

        await Api.Problem(await Api.Book(stranger, reservationId), HttpStatusCode.Forbidden);
        await Api.Problem(await stranger.DeleteAsync($"/api/v1/reserve/{reservationId}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_reservations_events_and_bookings_are_404()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();

        await Api.Problem(await Api.Book(fan, $"{eventId}.9-00112233aabbccdd"), HttpStatusCode.NotFound);
        await Api.Problem(await Api.Book(fan, "nonsense"), HttpStatusCode.NotFound);
        await Api.Problem(await fan.DeleteAsync("/api/v1/reserve/nonsense"), HttpStatusCode.NotFound);
        await Api.Problem(await Api.Reserve(fan, "evt_does_not_exist", "A-1-1"), HttpStatusCode.NotFound);
        await Api.Problem(await fan.GetAsync("/api/v1/view?event_id=evt_does_not_exist"), HttpStatusCode.NotFound);
        await Api.Problem(await fan.GetAsync("/api/v1/events/evt_does_not_exist/seats"), HttpStatusCode.NotFound);
        await Api.Problem(await fan.GetAsync("/api/v1/bookings/bk_nothing"), HttpStatusCode.NotFound);
        await Api.Problem(await fan.PostAsync("/api/v1/bookings/bk_nothing/cancel", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_seat_held_by_someone_else_is_409_naming_it()
    {
        var eventId = await _api.CreateEvent();
        await Api.Hold(_api.AsNewUser(), eventId, "A-1-9");

        var problem = await Api.Problem(await Api.Reserve(_api.AsNewUser(), eventId, "A-1-8", "A-1-9"), HttpStatusCode.Conflict);

        Assert.Equal(["A-1-9"], problem["unavailable"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Reserving_past_the_events_ticket_limit_is_409_naming_maxTicketsPerFan_across_holds_and_bookings()
    {
        var eventId = await _api.CreateEvent(maxTicketsPerFan: 4);
        var fan = _api.AsNewUser();
        var bought = await Api.Hold(fan, eventId, "A-1-1", "A-1-2");
        Assert.Equal(HttpStatusCode.Created, (await Api.Book(fan, bought)).StatusCode);
        var held = await Api.Hold(fan, eventId, "A-2-1");

        var refused = await Api.Problem(await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 2 }), HttpStatusCode.Conflict);
        Assert.Contains("maxTicketsPerFan", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 4", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fan.DeleteAsync($"/api/v1/reserve/{held}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 1 })).StatusCode);
        // Another fan is not counted against this one.
        Assert.Equal(HttpStatusCode.Created, (await _api.AsNewUser().PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 4 })).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_ticket_limit_outside_1_to_1000_is_400_naming_maxTicketsPerFan(int limit)
    {
        var admin = await _api.Admin();
        var problem = await Api.Problem(await admin.PostAsJsonAsync("/api/v1/events", new
        {
            name = "N", description = "", category = "concert", startsAt = factory.Time.GetUtcNow().AddMonths(1), venueId = "ven_x",
            performerIds = Array.Empty<string>(), prices = new[] { new { sectionId = "A", price = 1m, currency = "USD" } }, maxTicketsPerFan = limit,
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["maxTicketsPerFan"]);
    }

    [Fact]
    public async Task General_admission_is_bought_by_count()
    {
        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();

        var reserved = await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 4 });
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var booked = await Api.Book(fan, (await Api.Json(reserved))["reservationId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(4, (await Api.Json(booked))["tickets"]!.AsArray().Count);
        var view = await Api.Json(await fan.GetAsync($"/api/v1/view?event_id={eventId}"));
        Assert.Equal(46, view["sections"]!.AsArray().Single(s => s!["sectionId"]!.GetValue<string>() == "GA")!["available"]!.GetValue<int>());
        for (var i = 0; i < 23; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _api.AsNewUser().PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 2 })).StatusCode);
        }
        await Api.Problem(await _api.AsNewUser().PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 1 }), HttpStatusCode.Conflict);
    }
}
