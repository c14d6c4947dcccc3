using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Organisers own what they create: the matrix of organiser A, organiser B, admin, fan and anonymous over every catalog write, list and report.</summary>
[Collection(ApiCollection.Name)]
public sealed class OwnershipTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private sealed record Actors(HttpClient A, HttpClient B, HttpClient Admin, HttpClient Fan, HttpClient Anonymous);

    private async Task<Actors> Everyone() =>
        new((await _api.Organiser()).Client, (await _api.Organiser()).Client, await _api.Admin(), (await _api.RegisteredUser()).Client, _api.Anonymous());

    /// <summary>Asks <paramref name="send"/> of each actor and checks the status: own and admin allowed, B and the fan forbidden, anonymous 401.</summary>
    private static async Task Matrix(Actors who, Func<HttpClient, Task<HttpResponseMessage>> send, HttpStatusCode allowed)
    {
        await Api.Problem(await send(who.Anonymous), HttpStatusCode.Unauthorized);
        await Api.Problem(await send(who.Fan), HttpStatusCode.Forbidden);
        await Api.Problem(await send(who.B), HttpStatusCode.Forbidden);
        Assert.Equal(allowed, (await send(who.A)).StatusCode);
        Assert.Equal(allowed, (await send(who.Admin)).StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_organiser_or_an_admin_may_change_queue_report_or_cancel_an_event()
    {
        var who = await Everyone();
        var venueId = await Api.CreateVenue(who.A);
        var eventId = await _api.CreateEventAs(who.A, venueId);

        await Matrix(who, c => c.PutAsJsonAsync($"/api/v1/events/{eventId}", _api.EventBody(venueId, "Renamed")), HttpStatusCode.OK);
        await Matrix(who, c => c.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = false }), HttpStatusCode.OK);
        await Matrix(who, c => c.GetAsync($"/api/v1/events/{eventId}/sales"), HttpStatusCode.OK);
        await Matrix(who, c => c.PostAsync($"/api/v1/events/{eventId}/cancel", null), HttpStatusCode.OK);

        // The owner's unknown ids are 404 whoever asks with a catalog role.
        await Api.Problem(await who.A.PutAsJsonAsync("/api/v1/events/evt_unknown", _api.EventBody(venueId)), HttpStatusCode.NotFound);
        await Api.Problem(await who.B.GetAsync("/api/v1/events/evt_unknown/sales"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_organiser_builds_events_only_on_their_own_venues_and_performers()
    {
        var who = await Everyone();
        var venueOfA = await Api.CreateVenue(who.A);
        var performerOfA = (await Api.Json(await who.A.PostAsJsonAsync("/api/v1/performers", new { name = "Band of A", genre = "rock" })))["performerId"]!.GetValue<string>();
        var venueOfB = await Api.CreateVenue(who.B);

        await Matrix(who, c => c.PostAsJsonAsync("/api/v1/events", _api.EventBody(venueOfA, performerIds: [performerOfA])), HttpStatusCode.Created);
        var refused = await Api.Problem(await who.B.PostAsJsonAsync("/api/v1/events", _api.EventBody(venueOfB, performerIds: [performerOfA])), HttpStatusCode.Forbidden);
        Assert.Equal("performerIds", refused["field"]!.GetValue<string>());
        var eventOfA = await _api.CreateEventAs(who.A, venueOfA);
        var moved = await Api.Problem(await who.A.PutAsJsonAsync($"/api/v1/events/{eventOfA}", _api.EventBody(venueOfB)), HttpStatusCode.Forbidden);
        Assert.Equal("venueId", moved["field"]!.GetValue<string>());
        var unknown = await Api.Problem(await who.A.PostAsJsonAsync("/api/v1/events", _api.EventBody("ven_unknown")), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["venueId"]);
    }

    [Fact]
    public async Task Organisers_and_admins_create_venues_and_performers_fans_and_strangers_cannot()
    {
        var who = await Everyone();
        var venue = new
        {
            name = "Hall", city = "Oslo", address = "Gate 1",
            sections = new object[] { new { sectionId = "B", name = "Balcony", rows = 2, seatsPerRow = 3 } },
        };
        foreach (var create in new Func<HttpClient, Task<HttpResponseMessage>>[]
                 {
                     c => c.PostAsJsonAsync("/api/v1/venues", venue),
                     c => c.PostAsJsonAsync("/api/v1/performers", new { name = "Aurora", genre = "pop" }),
                 })
        {
            await Api.Problem(await create(who.Anonymous), HttpStatusCode.Unauthorized);
            await Api.Problem(await create(who.Fan), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Created, (await create(who.A)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await create(who.B)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await create(who.Admin)).StatusCode);
        }
    }

    [Fact]
    public async Task Each_organiser_lists_only_their_own_catalog_and_an_admin_lists_everyones()
    {
        var who = await Everyone();
        var venueOfA = await Api.CreateVenue(who.A, name: "Arena of A");
        var performerOfA = (await Api.Json(await who.A.PostAsJsonAsync("/api/v1/performers", new { name = "Band of A", genre = "rock" })))["performerId"]!.GetValue<string>();
        var eventOfA = await _api.CreateEventAs(who.A, venueOfA, name: "Night of A");
        var venueOfB = await Api.CreateVenue(who.B, name: "Arena of B");

        foreach (var (kind, idField, ofA) in new[] { ("venues", "venueId", venueOfA), ("performers", "performerId", performerOfA), ("events", "eventId", eventOfA) })
        {
            var path = $"/api/v1/organiser/{kind}";
            Assert.Contains(ofA, await AllIds(who.A, path, idField));
            Assert.DoesNotContain(ofA, await AllIds(who.B, path, idField));
            Assert.Contains(ofA, await AllIds(who.Admin, path, idField));
            await Api.Problem(await who.Fan.GetAsync(path), HttpStatusCode.Forbidden);
            await Api.Problem(await who.Anonymous.GetAsync(path), HttpStatusCode.Unauthorized);
        }
        Assert.Equal([venueOfB], await AllIds(who.B, "/api/v1/organiser/venues", "venueId"));
        var listed = (await Api.Json(await who.A.GetAsync("/api/v1/organiser/events")))["items"]!.AsArray().Single()!;
        Assert.Equal(("Night of A", venueOfA), (listed["name"]!.GetValue<string>(), listed["venueId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_list_is_paged_by_cursor_without_gaps_or_repeats()
    {
        var (organiser, _) = await _api.Organiser();
        var made = new List<string>();
        for (var i = 0; i < 7; i++) made.Add((await Api.Json(await organiser.PostAsJsonAsync("/api/v1/performers", new { name = $"Act {i}", genre = "pop" })))["performerId"]!.GetValue<string>());

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Api.Json(await organiser.GetAsync($"/api/v1/organiser/performers?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}"));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["performerId"]!.GetValue<string>()));
            cursor = page["next"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(made, seen);
        Assert.Equal(3, pages);
        foreach (var bad in new[] { "limit=0", "limit=201", "limit=ten", "cursor=99", "cursor=-1" })
        {
            var problem = await Api.Problem(await organiser.GetAsync($"/api/v1/organiser/performers?{bad}"), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![bad.Split('=')[0]]);
        }
    }

    [Fact]
    public async Task Only_an_admin_sets_roles_and_only_known_roles()
    {
        var (fan, fanId) = await _api.RegisteredUser();
        var (organiser, _) = await _api.Organiser();
        var admin = await _api.Admin();
        var body = new { roles = new[] { "organiser", "scanner" } };

        await Api.Problem(await _api.Anonymous().PutAsJsonAsync($"/api/v1/users/{fanId}/roles", body), HttpStatusCode.Unauthorized);
        await Api.Problem(await fan.PutAsJsonAsync($"/api/v1/users/{fanId}/roles", body), HttpStatusCode.Forbidden);
        await Api.Problem(await organiser.PutAsJsonAsync($"/api/v1/users/{fanId}/roles", body), HttpStatusCode.Forbidden);
        var set = await admin.PutAsJsonAsync($"/api/v1/users/{fanId}/roles", body);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var answer = await Api.Json(set);
        Assert.Equal(fanId, answer["userId"]!.GetValue<string>());
        Assert.Equal(["organiser", "scanner"], answer["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        foreach (var wrong in new object[] { new { roles = new[] { "superuser" } }, new { roles = (string[]?)null }, new { roles = new string?[] { null } } })
        {
            var problem = await Api.Problem(await admin.PutAsJsonAsync($"/api/v1/users/{fanId}/roles", wrong), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["roles"]);
        }
        await Api.Problem(await admin.PutAsJsonAsync("/api/v1/users/u_nobody/roles", body), HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> AllIds(HttpClient client, string path, string idField)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var response = await client.GetAsync(cursor is null ? $"{path}?limit=200" : $"{path}?limit=200&cursor={cursor}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Api.Json(response);
            ids.AddRange(page["items"]!.AsArray().Select(i => i![idField]!.GetValue<string>()));
            cursor = page["next"]?.GetValue<string>();
        }
        while (cursor is not null);
        return ids;
    }
}
