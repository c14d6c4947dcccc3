using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class EventCancellationApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private static async Task<string> BookSeat(HttpClient fan, string eventId, string seat) =>
        (await Api.Json(await Api.Book(fan, await Api.Hold(fan, eventId, seat))))["bookingId"]!.GetValue<string>();

    private static async Task<JsonNode> Cancel(HttpClient admin, string eventId)
    {
        var response = await admin.PostAsync($"/api/v1/events/{eventId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.Json(response);
    }

    [Fact]
    public async Task An_organiser_cancels_an_event_every_booking_is_refunded_sales_stop_and_search_shows_it_cancelled()
    {
        var word = "farewell" + Guid.NewGuid().ToString("N")[..12];
        var eventId = await _api.CreateEvent(name: $"The {word} Night");
        var (fan, other) = (_api.AsNewUser(), _api.AsNewUser());
        var bookings = new[] { await BookSeat(fan, eventId, "A-1-1"), await BookSeat(other, eventId, "A-1-2") };
        var admin = await _api.Admin();

        var cancelled = await Cancel(admin, eventId);

        Assert.Equal(eventId, cancelled["eventId"]!.GetValue<string>());
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal(2, cancelled["bookingsRefunded"]!.GetValue<int>());
        Assert.Equal(0, cancelled["bookingsToRefund"]!.GetValue<int>());
        Assert.Equal(cancelled.ToJsonString(), (await Cancel(admin, eventId)).ToJsonString());
        foreach (var bookingId in bookings) Assert.True((await factory.Payments.Entry(bookingId))!.Refunded);
        var mine = await Api.Json(await fan.GetAsync($"/api/v1/bookings/{bookings[0]}"));
        Assert.Equal("cancelled", mine["status"]!.GetValue<string>());

        var view = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}"));
        Assert.True(view["cancelled"]!.GetValue<bool>());
        var refused = await Api.Problem(await Api.Reserve(_api.AsNewUser(), eventId, "A-3-3"), HttpStatusCode.Conflict);
        Assert.Contains("cancelled", refused["detail"]!.GetValue<string>());
        await Api.Problem(await admin.PutAsJsonAsync($"/api/v1/events/{eventId}", new
        {
            name = "Back on", description = "", category = "concert", startsAt = factory.Time.GetUtcNow().AddMonths(3),
            venueId = view["venue"]!["venueId"]!.GetValue<string>(), performerIds = Array.Empty<string>(),
            prices = new[] { new { sectionId = "A", price = 120m, currency = "USD" }, new { sectionId = "GA", price = 50m, currency = "USD" } },
        }), HttpStatusCode.Conflict);

        static bool ShowsCancelled(JsonNode found, string eventId) =>
            found["items"]!.AsArray().SingleOrDefault(i => i!["eventId"]!.GetValue<string>() == eventId)?["availability"]!.GetValue<string>() == "cancelled";
        var found = await Eventually.Last(async () => await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/search?text={word}")),
            f => ShowsCancelled(f, eventId), TimeSpan.FromSeconds(30));
        Assert.True(ShowsCancelled(found, eventId), $"Search never showed the event cancelled; last answer: {found.ToJsonString()}");
    }

    [Fact]
    public async Task Only_an_admin_cancels_an_event_and_an_unknown_event_is_404()
    {
        var eventId = await _api.CreateEvent();
        var path = $"/api/v1/events/{eventId}/cancel";

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous().PostAsync(path, null)).StatusCode);
        await Api.Problem(await _api.AsNewUser().PostAsync(path, null), HttpStatusCode.Forbidden);
        var admin = await _api.Admin();
        await Api.Problem(await admin.PostAsync($"/api/v1/events/evt_{Guid.NewGuid():N}/cancel", null), HttpStatusCode.NotFound);
        await Api.Problem(await admin.PostAsync("/api/v1/events/no%20such%20id!/cancel", null), HttpStatusCode.NotFound);
        var view = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}"));
        Assert.False(view["cancelled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_event_that_has_started_cannot_be_cancelled_409()
    {
        var eventId = await _api.CreateEvent(startsAt: factory.Time.GetUtcNow().AddMinutes(1));
        factory.Time.Advance(TimeSpan.FromMinutes(2));

        var problem = await Api.Problem(await (await _api.Admin()).PostAsync($"/api/v1/events/{eventId}/cancel", null), HttpStatusCode.Conflict);

        Assert.Contains("started", problem["detail"]!.GetValue<string>());
    }
}
