using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class ActiveHoldsApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task A_fans_holds_on_every_event_show_on_another_device_until_released_booked_or_expired()
    {
        var (phone, userId) = _api.NewUser();
        var laptop = _api.AsUser(userId);
        var first = await _api.CreateEvent();
        var second = await _api.CreateEvent();
        var kept = await Api.Hold(phone, first, "A-1-1", "A-1-2");
        var released = await Api.Hold(phone, second, "A-3-3");
        var booked = await Api.Hold(phone, second, "A-4-4");
        var someoneElses = await Api.Hold(_api.AsNewUser(), first, "A-5-5");

        await Eventually.True(async () => (await Listed(laptop)).Count == 3, TimeSpan.FromSeconds(20), "the three holds listed on the other device");
        var holds = await Listed(laptop);
        Assert.Equal(new[] { booked, kept, released }.Order(StringComparer.Ordinal), holds.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["A-1-1", "A-1-2"], holds[kept]);
        Assert.DoesNotContain(someoneElses, holds.Keys);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync($"/api/v1/reserve/{released}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.Book(phone, booked)).StatusCode);
        Assert.Equal([kept], (await Listed(laptop)).Keys);

        factory.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty(await Listed(laptop));
    }

    [Fact]
    public async Task Listing_holds_needs_a_signed_in_fan_and_a_fan_with_none_gets_an_empty_list()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous().GetAsync("/api/v1/reservations")).StatusCode);
        Assert.Empty(await Listed(_api.AsNewUser()));
    }

    /// <summary>The caller's holds: reservation id to its seat ids.</summary>
    private static async Task<Dictionary<string, List<string>>> Listed(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/reservations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Api.Json(response))["items"]!.AsArray().ToDictionary(
            r => r!["reservationId"]!.GetValue<string>(),
            r => r!["seats"]!.AsArray().Select(s => s!["seatId"]!.GetValue<string>()).ToList());
    }
}
