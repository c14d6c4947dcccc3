using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>An event's on-sale time: nothing is reserved before it, view says when, and it cannot move once it has come.</summary>
[Collection(ApiCollection.Name)]
public sealed class OnSaleTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Before_onSaleAt_reserve_is_409_naming_it_and_from_it_reserve_holds()
    {
        var (organiser, _) = await _api.Organiser();
        var onSaleAt = factory.Time.GetUtcNow().AddMinutes(7);
        var eventId = await _api.CreateEventAs(organiser, await Api.CreateVenue(organiser), onSaleAt);
        var fan = _api.AsNewUser();

        var view = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}"));
        Assert.Equal(onSaleAt.ToUnixTimeMilliseconds(), view["onSaleAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        var early = await Api.Problem(await Api.Reserve(fan, eventId, "A-1-1"), HttpStatusCode.Conflict);
        Assert.Equal(onSaleAt.ToUnixTimeMilliseconds(), early["onSaleAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());

        factory.Time.Advance(TimeSpan.FromMinutes(7));
        await Api.Hold(fan, eventId, "A-1-1");
    }

    [Fact]
    public async Task The_on_sale_time_may_move_until_it_comes_and_never_after()
    {
        var (organiser, _) = await _api.Organiser();
        var venueId = await Api.CreateVenue(organiser);
        var eventId = await _api.CreateEventAs(organiser, venueId, factory.Time.GetUtcNow().AddMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await organiser.PutAsJsonAsync($"/api/v1/events/{eventId}", _api.EventBody(venueId, onSaleAt: factory.Time.GetUtcNow().AddMinutes(3)))).StatusCode);
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        var moved = await Api.Problem(await organiser.PutAsJsonAsync($"/api/v1/events/{eventId}", _api.EventBody(venueId, onSaleAt: factory.Time.GetUtcNow().AddMinutes(30))), HttpStatusCode.Conflict);
        Assert.Equal("onSaleAt", moved["field"]!.GetValue<string>());

        var alwaysOnSale = await _api.CreateEventAs(organiser, venueId);
        var added = await Api.Problem(await organiser.PutAsJsonAsync($"/api/v1/events/{alwaysOnSale}", _api.EventBody(venueId, onSaleAt: factory.Time.GetUtcNow().AddDays(1))), HttpStatusCode.Conflict);
        Assert.Equal("onSaleAt", added["field"]!.GetValue<string>());

        var late = await Api.Problem(await organiser.PostAsJsonAsync("/api/v1/events", _api.EventBody(venueId, onSaleAt: factory.Time.GetUtcNow().AddYears(1))), HttpStatusCode.BadRequest);
        Assert.NotNull(late["errors"]!["onSaleAt"]);
    }
}
