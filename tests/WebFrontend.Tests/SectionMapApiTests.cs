using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>A stadium's seat map over HTTP: sections at a glance, one section compactly, then only its changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class SectionMapApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task The_overview_lists_every_section_with_its_place_size_price_and_exact_counts()
    {
        var eventId = await _api.CreateEvent(rows: 5);
        await Api.Hold(_api.AsNewUser(), eventId, "A-1-1", "A-1-2");
        var client = _api.Anonymous();

        var response = await client.GetAsync($"/api/v1/events/{eventId}/sections");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=1", response.Headers.CacheControl?.ToString());
        var overview = await Api.Json(response);
        Assert.Equal(eventId, overview["eventId"]!.GetValue<string>());
        Assert.True(overview["version"]!.GetValue<long>() > 0);
        Assert.Equal(2, overview["gridColumns"]!.GetValue<int>());
        var a = overview["sections"]![0]!;
        Assert.Equal(("A", "Floor A", 0, 1, 1, 5, 10), (a["sectionId"]!.GetValue<string>(), a["name"]!.GetValue<string>(), a["index"]!.GetValue<int>(),
            a["gridRow"]!.GetValue<int>(), a["gridColumn"]!.GetValue<int>(), a["rows"]!.GetValue<int>(), a["seatsPerRow"]!.GetValue<int>()));
        Assert.Equal((50, 48, 2, 0, 120m, "USD", false), (a["capacity"]!.GetValue<int>(), a["available"]!.GetValue<int>(), a["held"]!.GetValue<int>(),
            a["sold"]!.GetValue<int>(), a["price"]!.GetValue<decimal>(), a["currency"]!.GetValue<string>(), a["standing"]!.GetValue<bool>()));
        var ga = overview["sections"]![1]!;
        Assert.Equal(("GA", true, 1, 2, 0, 50), (ga["sectionId"]!.GetValue<string>(), ga["standing"]!.GetValue<bool>(), ga["gridRow"]!.GetValue<int>(),
            ga["gridColumn"]!.GetValue<int>(), ga["rows"]!.GetValue<int>(), ga["capacity"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, $"/api/v1/events/{eventId}/sections", response.Headers.ETag!.ToString())).StatusCode);
        await Api.Hold(_api.AsNewUser(), eventId, "A-3-3");
        Assert.Equal(HttpStatusCode.OK, (await Conditional(client, $"/api/v1/events/{eventId}/sections", response.Headers.ETag!.ToString())).StatusCode);
    }

    [Fact]
    public async Task A_section_is_one_character_per_seat_and_a_delta_names_only_the_seats_changed_since()
    {
        var eventId = await _api.CreateEvent(rows: 5);
        var client = _api.Anonymous();
        var first = await Section(client, eventId, "A");
        Assert.Equal((true, 5, 10), (first["full"]!.GetValue<bool>(), first["rows"]!.GetValue<int>(), first["seatsPerRow"]!.GetValue<int>()));
        Assert.Equal(new string('0', 50), first["status"]!.GetValue<string>());
        Assert.Null(first["changes"]);
        var (version, epoch) = (first["version"]!.GetValue<long>(), first["epoch"]!.GetValue<long>());

        var fan = _api.AsNewUser();
        var early = await Api.Hold(fan, eventId, "A-1-1");
        await Api.Hold(_api.AsNewUser(), eventId, "A-2-3");
        var delta = await Section(client, eventId, "A", $"?since={version}&epoch={epoch}");
        Assert.False(delta["full"]!.GetValue<bool>());
        Assert.Null(delta["status"]);
        Assert.Equal("[[0,1],[12,1]]", delta["changes"]!.ToJsonString());
        Assert.Equal(2, delta["held"]!.GetValue<int>());
        Assert.True(delta["version"]!.GetValue<long>() > version);

        Assert.Equal(HttpStatusCode.NoContent, (await fan.DeleteAsync($"/api/v1/reserve/{early}")).StatusCode);
        var next = await Section(client, eventId, "A", $"?since={delta["version"]!.GetValue<long>()}&epoch={epoch}");
        Assert.Equal("[[0,0]]", next["changes"]!.ToJsonString());
        var now = await Section(client, eventId, "A", $"?since={next["version"]!.GetValue<long>()}&epoch={epoch}");
        Assert.Equal("[]", now["changes"]!.ToJsonString());

        var fresh = (await Section(client, eventId, "A"))["status"]!.GetValue<string>();
        Assert.Equal("000000000000" + "1" + new string('0', 37), fresh);
    }

    [Fact]
    public async Task A_copy_from_before_the_log_or_from_another_epoch_gets_the_whole_section_flagged_full()
    {
        var eventId = await _api.CreateEvent(rows: 5);
        var client = _api.Anonymous();
        var first = await Section(client, eventId, "A");
        await Api.Hold(_api.AsNewUser(), eventId, "A-5-10");
        var epoch = first["epoch"]!.GetValue<long>();

        // The log began at the first read, after the event's creation.
        var old = await Section(client, eventId, "A", $"?since=0&epoch={epoch}");
        Assert.True(old["full"]!.GetValue<bool>());
        Assert.Equal(new string('0', 49) + "1", old["status"]!.GetValue<string>());
        var elsewhere = await Section(client, eventId, "A", $"?since={first["version"]!.GetValue<long>()}&epoch={epoch + 1}");
        Assert.True(elsewhere["full"]!.GetValue<bool>());
        var ahead = await Section(client, eventId, "A", $"?since={first["version"]!.GetValue<long>() + 1000}");
        Assert.True(ahead["full"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_sections_etag_changes_when_its_seats_change_and_not_when_another_section_sells()
    {
        var eventId = await _api.CreateEvent(rows: 5);
        var client = _api.Anonymous();
        var a = await client.GetAsync($"/api/v1/events/{eventId}/sections/A/seats");
        var ga = await client.GetAsync($"/api/v1/events/{eventId}/sections/GA/seats");
        var (aTag, gaTag) = (a.Headers.ETag!.ToString(), ga.Headers.ETag!.ToString());
        Assert.Equal("public, max-age=1", a.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, $"/api/v1/events/{eventId}/sections/A/seats", aTag)).StatusCode);

        var standing = await _api.AsNewUser().PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = "GA", quantity = 2 });
        Assert.Equal(HttpStatusCode.Created, standing.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, $"/api/v1/events/{eventId}/sections/A/seats", aTag)).StatusCode);
        var gaNow = await Conditional(client, $"/api/v1/events/{eventId}/sections/GA/seats", gaTag);
        Assert.Equal(HttpStatusCode.OK, gaNow.StatusCode);
        Assert.Equal(2, (await Api.Json(gaNow))["held"]!.GetValue<int>());

        await Api.Hold(_api.AsNewUser(), eventId, "A-2-2");
        var aNow = await Conditional(client, $"/api/v1/events/{eventId}/sections/A/seats", aTag);
        Assert.Equal(HttpStatusCode.OK, aNow.StatusCode);
        Assert.NotEqual(aTag, aNow.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, $"/api/v1/events/{eventId}/sections/GA/seats", gaNow.Headers.ETag!.ToString())).StatusCode);
    }

    [Theory]
    [InlineData("/sections/A-1/seats", "sectionId")]
    [InlineData("/sections/ABCDEFGHIJKLMNOPQ/seats", "sectionId")]
    [InlineData("/sections/A/seats?since=-1", "since")]
    [InlineData("/sections/A/seats?since=abc", "since")]
    [InlineData("/sections/A/seats?since=99999999999999999999", "since")]
    [InlineData("/sections/A/seats?since=1.5", "since")]
    [InlineData("/sections/A/seats?since=", "since")]
    [InlineData("/sections/A/seats?since=3&epoch=x", "epoch")]
    public async Task A_bad_section_id_since_or_epoch_is_a_400_naming_the_field(string path, string field)
    {
        var eventId = await _api.CreateEvent(rows: 1);
        var problem = await Api.Problem(await _api.Anonymous().GetAsync($"/api/v1/events/{eventId}{path}"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/api/v1/events/evt_nothing_here/sections")]
    [InlineData("/api/v1/events/evt_nothing_here/sections/A/seats")]
    [InlineData("/api/v1/events/bad%20id!/sections")]
    [InlineData("/api/v1/events/bad%20id!/sections/A/seats")]
    public async Task An_unknown_event_is_a_404(string path)
    {
        await Api.Problem(await _api.Anonymous().GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_section_of_a_known_event_is_a_404_naming_it()
    {
        var eventId = await _api.CreateEvent(rows: 1);
        var problem = await Api.Problem(await _api.Anonymous().GetAsync($"/api/v1/events/{eventId}/sections/Z9/seats"), HttpStatusCode.NotFound);
        Assert.Contains("'Z9'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> Section(HttpClient client, string eventId, string sectionId, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/events/{eventId}/sections/{sectionId}/seats{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.Json(response);
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string path, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return client.SendAsync(request);
    }
}
