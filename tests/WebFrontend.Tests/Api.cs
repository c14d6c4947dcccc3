using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>HTTP helpers that speak docs/api.md: sign-ups, a small catalog, raw JSON answers.</summary>
public sealed class Api(ApiFactory factory)
{
    public HttpClient Anonymous() => factory.CreateCheckedClient();

    public HttpClient As(string token)
    {
        var client = factory.CreateCheckedClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A token for a made-up user, signed as the real issuer signs them: cheaper than 200 sign-ups.</summary>
    public HttpClient AsNewUser() => NewUser().Client;

    /// <summary><see cref="AsNewUser"/> with the user's id, for tests that derive booking ids.</summary>
    public (HttpClient Client, string UserId) NewUser()
    {
        var userId = "u_" + Guid.NewGuid().ToString("N");
        return (As(factory.Services.GetRequiredService<TokenIssuer>().Issue(new UserIdentity(userId, "fan@example.com", "Fan", [])).Token), userId);
    }

    /// <summary>A client signed in as <paramref name="userId"/> (another device of the same fan), with roles if given.</summary>
    public HttpClient AsUser(string userId, params string[] roles) =>
        As(factory.Services.GetRequiredService<TokenIssuer>().Issue(new UserIdentity(userId, "fan@example.com", "Fan", roles)).Token);

    public async Task<HttpClient> Admin() => As(await Token(ApiFactory.AdminEmail, ApiFactory.AdminPassword));

    public async Task<(HttpClient Client, string UserId)> RegisteredUser()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var registered = await Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-123", displayName = "Fan" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var userId = (await Json(registered))["userId"]!.GetValue<string>();
        return (As(await Token(email, "plum-orbit-123")), userId);
    }

    /// <summary>A registered user made an organiser by the admin through PUT /users/{id}/roles, signed in again so the token carries the role.</summary>
    public async Task<(HttpClient Client, string UserId)> Organiser()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var registered = await Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-123", displayName = "Organiser" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var userId = (await Json(registered))["userId"]!.GetValue<string>();
        var roles = await (await Admin()).PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { Roles.Organiser } });
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        return (As(await Token(email, "plum-orbit-123")), userId);
    }

    /// <summary>A seated venue A (rows x 10) and a standing GA (50) made by <paramref name="client"/>; returns its id.</summary>
    public static async Task<string> CreateVenue(HttpClient client, int rows = 5, string name = "Test Arena")
    {
        var venue = await client.PostAsJsonAsync("/api/v1/venues", new
        {
            name, city = "Berlin", address = "Street 1",
            sections = new object[] { new { sectionId = "A", name = "Floor A", rows, seatsPerRow = 10 }, new { sectionId = "GA", name = "Standing", capacity = 50 } },
        });
        Assert.Equal(HttpStatusCode.Created, venue.StatusCode);
        return (await Json(venue))["venueId"]!.GetValue<string>();
    }

    /// <summary>The body of POST and PUT /events for an event at a venue made by <see cref="CreateVenue"/>.</summary>
    public object EventBody(string venueId, string name = "Metallica Live", DateTimeOffset? onSaleAt = null, decimal priceA = 120m, string[]? performerIds = null) => new
    {
        name, description = "Loud.", category = "concert", startsAt = factory.Time.GetUtcNow().AddMonths(3), venueId,
        performerIds = performerIds ?? [],
        prices = new[] { new { sectionId = "A", price = priceA, currency = "USD" }, new { sectionId = "GA", price = 50m, currency = "USD" } },
        onSaleAt,
    };

    public async Task<string> CreateEventAs(HttpClient client, string venueId, DateTimeOffset? onSaleAt = null, string name = "Metallica Live")
    {
        var created = await client.PostAsJsonAsync("/api/v1/events", EventBody(venueId, name, onSaleAt));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created))["eventId"]!.GetValue<string>();
    }

    public async Task<string> Token(string email, string password)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response))["accessToken"]!.GetValue<string>();
    }

    /// <summary>A venue with seated section A (rows x 10) and standing GA (50), an event there; returns the event id.</summary>
    public async Task<string> CreateEvent(int rows = 5, DateTimeOffset? startsAt = null, int? maxTicketsPerFan = null, string name = "Metallica Live")
    {
        var admin = await Admin();
        var venue = await admin.PostAsJsonAsync("/api/v1/venues", new
        {
            name = "Test Arena", city = "Berlin", address = "Street 1",
            sections = new object[] { new { sectionId = "A", name = "Floor A", rows, seatsPerRow = 10 }, new { sectionId = "GA", name = "Standing", capacity = 50 } },
        });
        Assert.Equal(HttpStatusCode.Created, venue.StatusCode);
        var performer = await admin.PostAsJsonAsync("/api/v1/performers", new { name = "Metallica", genre = "metal" });
        Assert.Equal(HttpStatusCode.Created, performer.StatusCode);
        var created = await admin.PostAsJsonAsync("/api/v1/events", new
        {
            name, description = "Loud.", category = "concert", startsAt = startsAt ?? factory.Time.GetUtcNow().AddMonths(3),
            venueId = (await Json(venue))["venueId"]!.GetValue<string>(),
            performerIds = new[] { (await Json(performer))["performerId"]!.GetValue<string>() },
            prices = new[] { new { sectionId = "A", price = 120m, currency = "USD" }, new { sectionId = "GA", price = 50m, currency = "USD" } },
            maxTicketsPerFan,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created))["eventId"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> Reserve(HttpClient client, string eventId, params string[] seats) =>
        client.PostAsJsonAsync("/api/v1/reserve", new { eventId, seats });

    public static async Task<string> Hold(HttpClient client, string eventId, params string[] seats)
    {
        var response = await Reserve(client, eventId, seats);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["reservationId"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> Book(HttpClient client, string reservationId, string token = "tok_visa", string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/book") { Content = JsonContent.Create(new { reservationId, payment = new { token } }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    /// <summary>Asserts a problem+json answer of the status, and returns it.</summary>
    public static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        foreach (var field in new[] { "type", "title", "detail" })
            Assert.False(string.IsNullOrWhiteSpace(problem[field]?.GetValue<string>()), $"The {(int)status} problem has no '{field}': {body}");
        return problem;
    }

    public static async Task<Dictionary<string, string>> SeatStatuses(HttpClient client, string eventId)
    {
        var seats = await client.GetFromJsonAsync<JsonElement>($"/api/v1/events/{eventId}/seats");
        return seats.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seatId").GetString()!, s => s.GetProperty("status").GetString()!);
    }
}
