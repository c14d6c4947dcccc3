using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.WaitingRoom;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class WaitingRoomApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task While_the_waiting_room_is_active_reserve_needs_the_admission_token_from_the_queue()
    {
        var eventId = await _api.CreateEvent();
        var admin = await _api.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = 5 })).StatusCode);
        Assert.True((await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}")))["queueActive"]!.GetValue<bool>());
        var fan = _api.AsNewUser();

        await Api.Problem(await Api.Reserve(fan, eventId, "A-1-1"), HttpStatusCode.PreconditionRequired);
        var joined = await Api.Json(await fan.PostAsync($"/api/v1/queue/{eventId}/join", null));
        var ticket = joined["queueTicket"]!.GetValue<string>();
        Assert.Equal(1, joined["position"]!.GetValue<int>());
        Assert.Equal("waiting", (await Api.Json(await fan.GetAsync($"/api/v1/queue/{eventId}/status?ticket={ticket}")))["state"]!.GetValue<string>());

        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var status = await Api.Json(await fan.GetAsync($"/api/v1/queue/{eventId}/status?ticket={ticket}"));
        Assert.Equal("admitted", status["state"]!.GetValue<string>());
        var token = status["admissionToken"]!.GetValue<string>();

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reserve") { Content = JsonContent.Create(new { eventId, seats = new[] { "A-1-1" } }) };
        request.Headers.Add("X-Admission-Token", token);
        Assert.Equal(HttpStatusCode.Created, (await fan.SendAsync(request)).StatusCode);

        var stranger = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reserve") { Content = JsonContent.Create(new { eventId, seats = new[] { "A-1-2" } }) };
        stranger.Headers.Add("X-Admission-Token", token);
        await Api.Problem(await _api.AsNewUser().SendAsync(stranger), HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task An_admission_token_admits_one_active_hold_at_a_time()
    {
        var eventId = await _api.CreateEvent();
        var admin = await _api.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = 5 })).StatusCode);
        var fan = _api.AsNewUser();
        var ticket = (await Api.Json(await fan.PostAsync($"/api/v1/queue/{eventId}/join", null)))["queueTicket"]!.GetValue<string>();
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var token = (await Api.Json(await fan.GetAsync($"/api/v1/queue/{eventId}/status?ticket={ticket}")))["admissionToken"]!.GetValue<string>();
        HttpRequestMessage Reserve(string seat)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reserve") { Content = JsonContent.Create(new { eventId, seats = new[] { seat } }) };
            request.Headers.Add("X-Admission-Token", token);
            return request;
        }

        var first = await fan.SendAsync(Reserve("A-1-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await Api.Problem(await fan.SendAsync(Reserve("A-1-2")), HttpStatusCode.Conflict);
        Assert.Equal("X-Admission-Token", second["field"]!.GetValue<string>());
        Assert.Contains("one active hold", second["detail"]!.GetValue<string>());

        // Once the hold is bought, the same admission may hold again (within the per-fan ticket limit).
        Assert.Equal(HttpStatusCode.Created, (await Api.Book(fan, (await Api.Json(first))["reservationId"]!.GetValue<string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fan.SendAsync(Reserve("A-1-2"))).StatusCode);
    }

    [Fact]
    public async Task Queue_endpoints_refuse_bad_input_and_unknown_things()
    {
        var eventId = await _api.CreateEvent();
        var admin = await _api.Admin();
        var fan = _api.AsNewUser();

        await Api.Problem(await admin.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true }), HttpStatusCode.BadRequest);
        await Api.Problem(await admin.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = -1 }), HttpStatusCode.BadRequest);
        await Api.Problem(await admin.PostAsJsonAsync("/api/v1/events/evt_unknown/queue", new { active = true, admitPerSecond = 1 }), HttpStatusCode.NotFound);
        await Api.Problem(await fan.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = 1 }), HttpStatusCode.Forbidden);
        await Api.Problem(await fan.PostAsync($"/api/v1/queue/{eventId}/join", null), HttpStatusCode.Conflict);
        await Api.Problem(await fan.GetAsync($"/api/v1/queue/{eventId}/status"), HttpStatusCode.BadRequest);
        await Api.Problem(await fan.GetAsync($"/api/v1/queue/{eventId}/status?ticket=qt_nope"), HttpStatusCode.NotFound);
        await Api.Problem(await _api.Anonymous().PostAsync($"/api/v1/queue/{eventId}/join", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Status_polls_are_answered_from_the_frontends_copy_of_the_watermarks_fetched_once_per_admit_period()
    {
        var eventId = await _api.CreateEvent();
        var admin = await _api.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = 3 })).StatusCode);
        var fans = new List<(HttpClient Client, string Ticket)>();
        for (var i = 0; i < 10; i++)
        {
            var fan = _api.AsNewUser();
            fans.Add((fan, (await Api.Json(await fan.PostAsync($"/api/v1/queue/{eventId}/join", null)))["queueTicket"]!.GetValue<string>()));
        }
        var room = factory.Services.GetRequiredService<WaitingRoomClient>();
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var refreshes = room.Refreshes;

        var states = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            states.Clear();
            foreach (var (client, ticket) in fans)
            {
                states.Add((await Api.Json(await client.GetAsync($"/api/v1/queue/{eventId}/status?ticket={ticket}")))["state"]!.GetValue<string>());
            }
        }

        Assert.Equal(refreshes + 1, room.Refreshes);
        Assert.Equal(3, states.Count(s => s == "admitted"));
        Assert.Equal(7, states.Count(s => s == "waiting"));
    }
}
