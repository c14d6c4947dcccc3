using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class CatalogApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private static object Body(string name, string venueId, decimal priceA) => new
    {
        name, description = "Updated.", category = "concert", startsAt = DateTimeOffset.UtcNow.AddMonths(4), venueId,
        performerIds = Array.Empty<string>(),
        prices = new[] { new { sectionId = "A", price = priceA, currency = "USD" }, new { sectionId = "GA", price = 50m, currency = "USD" } },
    };

    [Fact]
    public async Task An_event_can_be_renamed_but_its_prices_are_frozen_once_a_seat_is_held()
    {
        var eventId = await _api.CreateEvent();
        var admin = await _api.Admin();
        var venueId = (await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}")))["venue"]!["venueId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/events/{eventId}", Body("Renamed", venueId, 99m))).StatusCode);
        await Api.Hold(_api.AsNewUser(), eventId, "A-1-1");

        await Api.Problem(await admin.PutAsJsonAsync($"/api/v1/events/{eventId}", Body("Renamed", venueId, 150m)), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/events/{eventId}", Body("Renamed twice", venueId, 99m))).StatusCode);
        var view = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}"));
        Assert.Equal("Renamed twice", view["name"]!.GetValue<string>());
        Assert.Equal(99m, view["sections"]![0]!["price"]!.GetValue<decimal>());
        await Api.Problem(await admin.PutAsJsonAsync("/api/v1/events/evt_unknown", Body("X", venueId, 1m)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Venues_and_performers_can_be_read_back()
    {
        var admin = await _api.Admin();
        var venue = await Api.Json(await admin.PostAsJsonAsync("/api/v1/venues", new
        {
            name = "Hall", city = "Oslo", address = "Gate 1",
            sections = new object[] { new { sectionId = "B", name = "Balcony", rows = 2, seatsPerRow = 3 } },
        }));
        var performer = await Api.Json(await admin.PostAsJsonAsync("/api/v1/performers", new { name = "Aurora", genre = "pop" }));

        var readVenue = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/venues/{venue["venueId"]!.GetValue<string>()}"));
        var readPerformer = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/performers/{performer["performerId"]!.GetValue<string>()}"));

        Assert.Equal("Oslo", readVenue["city"]!.GetValue<string>());
        Assert.Equal(6, readVenue["sections"]![0]!["capacity"]!.GetValue<int>());
        Assert.Equal("Aurora", readPerformer["name"]!.GetValue<string>());
        await Api.Problem(await _api.Anonymous().GetAsync("/api/v1/venues/ven_nothing"), HttpStatusCode.NotFound);
        await Api.Problem(await _api.Anonymous().GetAsync("/api/v1/performers/prf_nothing"), HttpStatusCode.NotFound);
    }
}
