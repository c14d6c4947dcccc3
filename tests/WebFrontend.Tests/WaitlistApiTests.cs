using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class WaitlistApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task A_waiting_fan_gets_a_released_seat_held_in_their_name_listed_with_their_holds_and_buys_it_with_book()
    {
        // One-row section A (10 seats) and GA (50): the fan waits for section A.
        var eventId = await _api.CreateEvent(rows: 1);
        var holder = _api.AsNewUser();
        var held = await Api.Json(await holder.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "A", quantity = 8 }));
        await Api.Hold(_api.AsNewUser(), eventId, "A-1-9", "A-1-10");
        var (fan, _) = _api.NewUser();

        var joined = await fan.PostAsJsonAsync($"/api/v1/events/{eventId}/waitlist", new { quantity = 2, sectionId = "A" });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(1, (await Api.Json(joined))["position"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await holder.DeleteAsync($"/api/v1/reserve/{held["reservationId"]!.GetValue<string>()}")).StatusCode);

        string? offer = null;
        await Eventually.True(async () =>
        {
            var items = (await Api.Json(await fan.GetAsync("/api/v1/reservations")))["items"]!.AsArray();
            offer = items.Count == 1 ? items[0]!["reservationId"]!.GetValue<string>() : null;
            return offer is not null;
        }, TimeSpan.FromSeconds(20), "the offer listed among the fan's holds");
        Assert.Equal(HttpStatusCode.Created, (await Api.Book(fan, offer!)).StatusCode);
        // Offered, the fan left the list.
        await Api.Problem(await fan.DeleteAsync($"/api/v1/events/{eventId}/waitlist"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Joining_is_refused_with_seats_on_sale_bad_input_or_an_unknown_event_and_leaving_works_once()
    {
        var eventId = await _api.CreateEvent(rows: 1);
        var fan = _api.AsNewUser();
        var url = $"/api/v1/events/{eventId}/waitlist";

        await Api.Problem(await fan.PostAsJsonAsync(url, new { quantity = 2, sectionId = "A" }), HttpStatusCode.Conflict);
        foreach (var (body, field) in new (object, string)[] { (new { quantity = 0 }, "quantity"), (new { quantity = 11 }, "quantity"), (new { quantity = 1, sectionId = "Z" }, "sectionId"), (new { quantity = 1, sectionId = "a-b" }, "sectionId") })
        {
            Assert.NotNull((await Api.Problem(await fan.PostAsJsonAsync(url, body), HttpStatusCode.BadRequest))["errors"]![field]);
        }
        await Api.Problem(await fan.PostAsJsonAsync("/api/v1/events/evt_made_up/waitlist", new { quantity = 1 }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous().PostAsJsonAsync(url, new { quantity = 1 })).StatusCode);

        await Api.Hold(_api.AsNewUser(), eventId, [.. Enumerable.Range(1, 5).Select(n => $"A-1-{n}")]);
        await Api.Hold(_api.AsNewUser(), eventId, [.. Enumerable.Range(6, 5).Select(n => $"A-1-{n}")]);
        Assert.Equal(HttpStatusCode.OK, (await fan.PostAsJsonAsync(url, new { quantity = 1, sectionId = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fan.DeleteAsync(url)).StatusCode);
        await Api.Problem(await fan.DeleteAsync(url), HttpStatusCode.NotFound);
    }
}
