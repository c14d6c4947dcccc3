using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
    public async Task Before_onSaleAt_fans_join_from_the_pre_queue_window_on_wait_without_a_position_and_get_a_drawn_one_at_it()
    {
        var (organiser, _) = await _api.Organiser();
        var onSaleAt = factory.Time.GetUtcNow().AddHours(1);
        var eventId = await _api.CreateEventAs(organiser, await Api.CreateVenue(organiser), onSaleAt);
        Assert.Equal(HttpStatusCode.OK, (await organiser.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = 1 })).StatusCode);
        var fans = Enumerable.Range(0, 3).Select(_ => _api.AsNewUser()).ToArray();

        // WaitingRoom:PreQueue is 30 minutes by default.
        var early = await Api.Problem(await fans[0].PostAsync($"/api/v1/queue/{eventId}/join", null), HttpStatusCode.Conflict);
        Assert.Equal("onSaleAt", early["field"]!.GetValue<string>());
        Assert.Equal(onSaleAt.ToUnixTimeMilliseconds(), early["onSaleAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        Assert.Equal(onSaleAt.AddMinutes(-30).ToUnixTimeMilliseconds(), early["opensAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());

        factory.Time.Advance(TimeSpan.FromMinutes(31));
        var tickets = new List<string>();
        foreach (var fan in fans)
        {
            var joined = await Api.Json(await fan.PostAsync($"/api/v1/queue/{eventId}/join", null));
            Assert.Null(joined["position"]);
            Assert.True(joined.AsObject().ContainsKey("position"));
            Assert.True(joined["preQueued"]!.GetValue<bool>());
            tickets.Add(joined["queueTicket"]!.GetValue<string>());
        }
        var waiting = await Api.Json(await fans[0].GetAsync($"/api/v1/queue/{eventId}/status?ticket={tickets[0]}"));
        Assert.Equal(("waiting", true), (waiting["state"]!.GetValue<string>(), waiting["preQueued"]!.GetValue<bool>()));
        Assert.Null(waiting["position"]);
        Assert.Null(waiting["drawnAt"]);

        factory.Time.Advance(TimeSpan.FromMinutes(29));
        var statuses = new List<JsonNode>();
        for (var i = 0; i < fans.Length; i++) statuses.Add(await Api.Json(await fans[i].GetAsync($"/api/v1/queue/{eventId}/status?ticket={tickets[i]}")));

        // One period's worth (1 a second) went in with the draw; the others have drawn places 1 and 2.
        Assert.Equal(1, statuses.Count(s => s["state"]!.GetValue<string>() == "admitted"));
        Assert.Equal([0, 1, 2], statuses.Select(s => s["position"]!.GetValue<int>()).Order());
        Assert.All(statuses, s => Assert.NotNull(s["drawnAt"]));
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
