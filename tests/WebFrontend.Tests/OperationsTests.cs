using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class OperationsTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Health_and_readiness_answer_200()
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.Anonymous().GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.Anonymous().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_contract()
    {
        var document = JsonNode.Parse(await _api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/api/v1/reserve", paths);
        Assert.Contains("/api/v1/book", paths);
        Assert.Contains("/api/v1/view", paths);
        Assert.Contains("/api/v1/events/{eventId}/seats", paths);
        Assert.NotNull(document["paths"]!["/api/v1/reserve"]!["post"]!["responses"]!["409"]);
    }

    [Fact]
    public async Task View_carries_an_etag_and_answers_304_while_nothing_changed()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();

        var first = await client.GetAsync($"/api/v1/view?event_id={eventId}");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Headers.CacheControl);
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/view?event_id={eventId}");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        await Api.Hold(_api.AsNewUser(), eventId, "A-1-1");
        var changed = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/view?event_id={eventId}");
        changed.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(changed)).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_for_prometheus_with_the_business_counters()
    {
        var eventId = await _api.CreateEvent();
        await Api.Hold(_api.AsNewUser(), eventId, "A-2-1");
        var queued = await _api.CreateEvent();
        Assert.Equal(HttpStatusCode.OK, (await (await _api.Admin()).PostAsJsonAsync($"/api/v1/events/{queued}/queue", new { active = true, admitPerSecond = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.AsNewUser().PostAsync($"/api/v1/queue/{queued}/join", null)).StatusCode);

        var text = await Eventually.Last(async () =>
            {
                var response = await _api.Anonymous().GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            },
            t => t.Contains("ticketmaster_seats_held") && t.Contains("ticketmaster_storage_write_duration") && t.Contains("ticketmaster_queue_waiting"),
            TimeSpan.FromSeconds(20));

        Assert.Contains("ticketmaster_seats_held", text);
        Assert.Contains("http_server_request_duration", text);
        // Storage write latency (the hold's journal append), search index lag.
        Assert.Contains("ticketmaster_storage_write_duration_seconds_bucket", text);
        Assert.Contains("ticketmaster_search_lag_seconds", text);
        Assert.Contains("ticketmaster_queue_waiting", text);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_json_404()
    {
        await Api.Problem(await _api.Anonymous().GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
    }
}
