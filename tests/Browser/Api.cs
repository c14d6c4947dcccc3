using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TicketMaster.Browser.Tests;

/// <summary>The JSON API, for what a test sets up or checks behind the browser's back.</summary>
public sealed class Api(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress };

    public async Task<string> Token(string email, string password)
    {
        var answer = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    public void Dispose() => http.Dispose();

    public Task<string> AdminToken() => Token(AppServer.AdminEmail, AppServer.AdminPassword);

    /// <summary>A new fan's email; the password is <see cref="FanPassword"/>.</summary>
    public async Task<string> RegisterFan(string displayName = "Fan")
    {
        var email = $"fan-{Guid.NewGuid():N}@example.com";
        var answer = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = FanPassword, displayName });
        answer.EnsureSuccessStatusCode();
        return email;
    }

    public const string FanPassword = "fan-password-123";

    /// <summary>A new account made an organiser by the admin; signs in with <see cref="FanPassword"/>.</summary>
    public async Task<string> RegisterOrganiser()
    {
        var email = $"organiser-{Guid.NewGuid():N}@example.com";
        var answer = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = FanPassword, displayName = "Organiser" });
        answer.EnsureSuccessStatusCode();
        var userId = (await answer.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
        await Send(HttpMethod.Put, await AdminToken(), $"/api/v1/users/{userId}/roles", new { roles = new[] { "organiser" } });
        return email;
    }

    /// <summary>The fan reserves and pays for these seats.</summary>
    public async Task Buy(string token, string eventId, params string[] seats)
    {
        var held = await Post(token, "/api/v1/reserve", new { eventId, seats });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/book")
        {
            Content = JsonContent.Create(new { reservationId = held["reservationId"]!.GetValue<string>(), payment = new { token = "tok_visa" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var answer = await http.SendAsync(request);
        if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"/api/v1/book: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>An event at a new venue: seated section A (4 rows of 12, 85 EUR) and standing FLOOR (100, 45 EUR).</summary>
    public async Task<string> CreateEvent(string name)
    {
        var admin = await AdminToken();
        var venue = await Post(admin, "/api/v1/venues", new
        {
            name = "Harbour Hall", city = "Lisbon", address = "1 Quay Street",
            sections = new object[] { new { sectionId = "A", name = "Stalls", rows = 4, seatsPerRow = 12 }, new { sectionId = "FLOOR", name = "Standing floor", capacity = 100 } },
        });
        var performer = await Post(admin, "/api/v1/performers", new { name, genre = "rock" });
        var created = await Post(admin, "/api/v1/events", new
        {
            name, description = $"{name} live at Harbour Hall.", category = "concert",
            startsAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            venueId = venue["venueId"]!.GetValue<string>(),
            performerIds = new[] { performer["performerId"]!.GetValue<string>() },
            prices = new object[] { new { sectionId = "A", price = 85, currency = "EUR" }, new { sectionId = "FLOOR", price = 45, currency = "EUR" } },
        });
        return created["eventId"]!.GetValue<string>();
    }

    /// <summary>A stadium event: <paramref name="sections"/> seated sections S1, S2, … of rows x seatsPerRow (20 of 100 x 100 is the venue limit, 200,000 seats).</summary>
    public async Task<string> CreateStadium(string name, int sections, int rows, int seatsPerRow)
    {
        var admin = await AdminToken();
        var ids = Enumerable.Range(1, sections).Select(i => "S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var venue = await Post(admin, "/api/v1/venues", new
        {
            name = "Olympic Ring", city = "Berlin", address = "1 Ring Road",
            sections = ids.Select((id, i) => new { sectionId = id, name = $"Block {i + 1}", rows, seatsPerRow }).ToArray(),
        });
        var performer = await Post(admin, "/api/v1/performers", new { name, genre = "pop" });
        var created = await Post(admin, "/api/v1/events", new
        {
            name, description = $"{name} at the Olympic Ring.", category = "concert",
            startsAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            venueId = venue["venueId"]!.GetValue<string>(),
            performerIds = new[] { performer["performerId"]!.GetValue<string>() },
            prices = ids.Select(id => new { sectionId = id, price = 95, currency = "EUR" }).ToArray(),
        });
        return created["eventId"]!.GetValue<string>();
    }

    /// <summary>One section's seats as the section endpoint says them: one character per seat, 0 free, 1 held, 2 sold.</summary>
    public async Task<string> SectionStatus(string eventId, string sectionId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/v1/events/{eventId}/sections/{sectionId}/seats"))!["status"]!.GetValue<string>();

    public async Task SetQueue(string eventId, bool active, double admitPerSecond) =>
        await Post(await AdminToken(), $"/api/v1/events/{eventId}/queue", new { active, admitPerSecond });

    public async Task<JsonArray> Bookings(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/bookings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>Another fan holds these seats (201 expected).</summary>
    public async Task Hold(string token, string eventId, params string[] seats) => await Post(token, "/api/v1/reserve", new { eventId, seats });

    /// <summary>Each seat's status as the seat-map endpoint says it.</summary>
    /// <summary>
    /// The seat's status once the public seat map shows <paramref name="expected"/>, or what it shows after a few
    /// seconds: the map is served from the frontend's copy, which may be up to <c>EventReads:CheckInterval</c> old.
    /// </summary>
    public Task<string> SeatStatus(string eventId, string seatId, string expected) =>
        Eventually.Last(async () =>
        {
            var map = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/events/{eventId}/seats"))!;
            return map["seats"]!.AsArray().Single(s => s!["seatId"]!.GetValue<string>() == seatId)!["status"]!.GetValue<string>();
        }, status => status == expected, TimeSpan.FromSeconds(5));

    private Task<JsonObject> Post(string token, string path, object body) => Send(HttpMethod.Post, token, path, body);

    private async Task<JsonObject> Send(HttpMethod method, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)answer.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
