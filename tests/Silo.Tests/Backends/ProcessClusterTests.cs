using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// The production shape as the README runs it: a Silo process and a WebFrontend process in client
/// mode on a durable backend, both killed with SIGKILL and started again on the same storage.
/// </summary>
[Collection(BackendCollection.Name)]
public sealed class ProcessClusterTests(BackendFixtures backends, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string AdminEmail = "admin@e2e.example";
    private const string AdminPassword = "admin-password-e2e";

    private sealed record Cluster(ServiceProcess Silo, ServiceProcess Web, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Web.DisposeAsync();
            await Silo.DisposeAsync();
        }

        public async Task KillHardAsync()
        {
            await Web.KillHardAsync();
            await Silo.KillHardAsync();
        }
    }

    private static async Task<Cluster> StartAsync(IBackendFixture backend, string serviceId, string clusterId)
    {
        var common = new Dictionary<string, string?>(backend.Settings)
        {
            ["Orleans:ServiceId"] = serviceId,
            ["Orleans:ClusterId"] = clusterId,
            ["WaitingRoom:SigningKey"] = "X7r9ja4iTyn6kpcDsKWMaTiXxd+rzKBJdNNcmgHG09s=",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
            // A killed silo's entry still says Active: declare it dead in seconds, not the default minute.
            ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
            ["Orleans:Membership:NumMissedProbesLimit"] = "2",
            ["Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
            ["Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:03",
            ["Orleans:Membership:TableRefreshTimeout"] = "00:00:02",
            ["Orleans:Gateway:GatewayListRefreshPeriod"] = "00:00:02",
            // A sale whose booking never came back is settled by the event's sweep within seconds, not the production minute.
            ["Booking:PaymentTimeout"] = "00:00:05",
            ["Booking:SettleMargin"] = "00:00:02",
            ["Booking:ExpirySweepPeriod"] = "00:00:01",
        };
        var silo = ServiceProcess.Start("Silo", new Dictionary<string, string?>(common)
        {
            ["Orleans:SiloPort"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var port = ServiceProcess.FreePort();
        var web = ServiceProcess.Start("WebFrontend", new Dictionary<string, string?>(common)
        {
            ["Orleans:Hosting"] = "Client",
            ["Jwt:SigningKey"] = "Q5vJfQuJJY/DDsL2dYhCepaZ7OmmTbVWvTT1x9sRXrA=",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Search:PullInterval"] = "00:00:00.500",
            // Every request comes from this machine's one address.
            ["RateLimits:Enabled"] = "false",
        }, "--urls", $"http://127.0.0.1:{port}");
        var cluster = new Cluster(silo, web, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        try
        {
            await Eventually.True(async () =>
            {
                if (silo.HasExited || web.HasExited) throw new InvalidOperationException("A process exited during start.");
                try { return (await cluster.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(90), "the frontend is ready");
        }
        catch (Exception e)
        {
            var logs = $"silo:\n{silo.LogTail()}\nweb:\n{web.LogTail()}";
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The cluster did not start: {e.Message}\n{logs}", e);
        }
        return cluster;
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("AzureStorage")]
    public async Task After_kill_9_of_silo_and_frontend_the_fan_signs_in_and_finds_bookings_holds_and_sales_as_they_were_and_a_scanned_ticket_stays_scanned(string backendName)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var backend = await backends.Get(backendName);
        output.WriteLine($"{clock.Elapsed} backend ready");
        var serviceId = BackendCluster.NewId("e2e");
        var clusterId = BackendCluster.NewId("e2e-cluster");
        var email = $"fan-{Guid.NewGuid():N}@example.com";
        string eventId, bookingId, heldId, soldReservationId, scannedCode;

        await using (var first = await StartAsync(backend, serviceId, clusterId))
        {
            output.WriteLine($"{clock.Elapsed} first cluster ready");
            var http = first.Http;
            var admin = await Token(http, AdminEmail, AdminPassword);
            eventId = await CreateEvent(http, admin);
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "quiet-harbour-lantern-41", displayName = "Fan" })).StatusCode);
            var fan = await Token(http, email, "quiet-harbour-lantern-41");

            soldReservationId = (await Json(await Send(http, HttpMethod.Post, "/api/v1/reserve", fan, new { eventId, seats = new[] { "A-1-1", "A-1-2" } })))["reservationId"]!.GetValue<string>();
            var booked = await Send(http, HttpMethod.Post, "/api/v1/book", fan, new { reservationId = soldReservationId, payment = new { token = "tok_visa" } }, "key-1");
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var booking = await Json(booked);
            bookingId = booking["bookingId"]!.GetValue<string>();
            heldId = (await Json(await Send(http, HttpMethod.Post, "/api/v1/reserve", fan, new { eventId, seats = new[] { "A-3-3" } })))["reservationId"]!.GetValue<string>();
            scannedCode = booking["tickets"]![0]!["code"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Post, $"/api/v1/events/{eventId}/scan", admin, new { code = scannedCode })).StatusCode);
            // The fans' hold index is told after the hold is durable, off the hold's path.
            await Eventually.True(async () => (await Json(await Send(http, HttpMethod.Get, "/api/v1/reservations", fan)))["items"]!.AsArray().Count == 1,
                TimeSpan.FromSeconds(30), "the hold listed among the fan's reservations");

            await first.KillHardAsync();
        }

        output.WriteLine($"{clock.Elapsed} killed");
        await backend.RestartStorageAsync();
        output.WriteLine($"{clock.Elapsed} storage restarted");

        await using var second = await StartAsync(backend, serviceId, clusterId);
        output.WriteLine($"{clock.Elapsed} second cluster ready");
        var again = second.Http;
        var signedIn = await Token(again, email, "quiet-harbour-lantern-41");

        var bookings = (await Json(await Send(again, HttpMethod.Get, "/api/v1/bookings", signedIn))).AsArray();
        Assert.Equal([bookingId], bookings.Select(b => b!["bookingId"]!.GetValue<string>()));
        var seats = (await Json(await again.GetAsync($"/api/v1/events/{eventId}/seats")))["seats"]!.AsArray()
            .ToDictionary(s => s!["seatId"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());
        Assert.Equal(("sold", "sold", "held", "available"), (seats["A-1-1"], seats["A-1-2"], seats["A-3-3"], seats["A-2-2"]));

        var stranger = await Register(again);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(again, HttpMethod.Post, "/api/v1/reserve", stranger, new { eventId, seats = new[] { "A-1-1" } })).StatusCode);
        var replay = await Send(again, HttpMethod.Post, "/api/v1/book", signedIn, new { reservationId = soldReservationId, payment = new { token = "tok_visa" } }, "key-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(bookingId, (await Json(replay))["bookingId"]!.GetValue<string>());
        Assert.Equal([heldId], (await Json(await Send(again, HttpMethod.Get, "/api/v1/reservations", signedIn)))["items"]!.AsArray().Select(r => r!["reservationId"]!.GetValue<string>()));
        var rescanned = await Send(again, HttpMethod.Post, $"/api/v1/events/{eventId}/scan", await Token(again, AdminEmail, AdminPassword), new { code = scannedCode });
        Assert.Equal(HttpStatusCode.Conflict, rescanned.StatusCode);
        Assert.Equal("already-scanned", JsonNode.Parse(await rescanned.Content.ReadAsStringAsync())!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await Send(again, HttpMethod.Delete, $"/api/v1/reserve/{heldId}", signedIn)).StatusCode);
    }

    /// <summary>A book request a fan sent: its seats, its Idempotency-Key and the booking id that key names.</summary>
    private sealed record BookAttempt(int Fan, string Key, string BookingId, string ReservationId, string[] Seats);

    [Theory]
    [InlineData("Postgres")]
    [InlineData("AzureStorage")]
    public async Task Kill_9_mid_flow_loses_no_acknowledged_hold_or_booking_leaves_no_charge_without_its_seats_or_refund_and_sells_no_seat_twice(string backendName)
    {
        var backend = await backends.Get(backendName);
        var serviceId = BackendCluster.NewId("e2e");
        var clusterId = BackendCluster.NewId("e2e-cluster");
        const int rows = 10, seatsPerRow = 20;
        var acknowledgedHolds = new System.Collections.Concurrent.ConcurrentBag<string[]>();
        var attempted = new System.Collections.Concurrent.ConcurrentBag<string[]>();
        var bookAttempts = new System.Collections.Concurrent.ConcurrentBag<BookAttempt>();
        var booked = new System.Collections.Concurrent.ConcurrentDictionary<BookAttempt, string>();
        string eventId;
        (string Token, string UserId)[] fans;

        await using (var first = await StartAsync(backend, serviceId, clusterId))
        {
            var http = first.Http;
            eventId = await CreateEvent(http, await Token(http, AdminEmail, AdminPassword), rows, seatsPerRow, maxTicketsPerFan: 1000);
            fans = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => RegisterWithId(http)));
            using var stop = new CancellationTokenSource();
            var pairs = new System.Collections.Concurrent.ConcurrentQueue<string[]>(
                Enumerable.Range(1, rows).SelectMany(row => Enumerable.Range(0, seatsPerRow / 2).Select(i => new[] { $"A-{row}-{2 * i + 1}", $"A-{row}-{2 * i + 2}" })));
            var buyers = fans.Select((fan, n) => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested && pairs.TryDequeue(out var pair); i++)
                {
                    attempted.Add(pair);
                    try
                    {
                        var reserved = await Send(http, HttpMethod.Post, "/api/v1/reserve", fan.Token, new { eventId, seats = pair });
                        if (reserved.StatusCode != HttpStatusCode.Created) continue;
                        acknowledgedHolds.Add(pair);
                        // Two holds in three are booked; the second of each fan stays a hold.
                        if (i % 3 == 1) continue;
                        var key = $"k-{n}-{i}";
                        var attempt = new BookAttempt(n, key, Bookings.BookingIds.For(fan.UserId, key), (await Json(reserved))["reservationId"]!.GetValue<string>(), pair);
                        bookAttempts.Add(attempt);
                        var answer = await Book(http, fan.Token, attempt);
                        if (answer.StatusCode == HttpStatusCode.Created) booked[attempt] = (await Json(answer))["bookingId"]!.GetValue<string>();
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Kill while requests are in flight: some appends and charges are under way, some answered, some not yet made.
            await Eventually.True(() => Task.FromResult(booked.Count >= 5 && acknowledgedHolds.Count >= 15), TimeSpan.FromSeconds(60), "sales under way");
            await first.KillHardAsync();
            await stop.CancelAsync();
            await Task.WhenAll(buyers);
        }
        var unanswered = bookAttempts.Where(a => !booked.ContainsKey(a)).ToList();
        output.WriteLine($"{backendName}: {attempted.Count} reservations attempted, {acknowledgedHolds.Count} acknowledged, {bookAttempts.Count} booked of which {booked.Count} answered 201 before the kill");

        await backend.RestartStorageAsync();
        await using var second = await StartAsync(backend, serviceId, clusterId);
        var again = second.Http;

        // The even fans retry the books that got no 201, with the same key; the odd ones never come back,
        // so the event's sweep settles theirs (charged means confirm, not charged means unpin).
        foreach (var attempt in unanswered.Where(a => a.Fan % 2 == 0))
        {
            var answer = await Eventually.Succeeds(async () =>
                await Book(again, fans[attempt.Fan].Token, attempt) is { StatusCode: < HttpStatusCode.InternalServerError } a ? a : throw new InvalidOperationException("5xx"), TimeSpan.FromSeconds(30));
            if (answer.StatusCode == HttpStatusCode.Created) booked[attempt] = (await Json(answer))["bookingId"]!.GetValue<string>();
        }
        output.WriteLine($"{unanswered.Count} books unanswered at the kill; {booked.Count} answered 201 in all");

        // The ledger, as the cluster's sandbox gateway sees it: every booking id a fan ever sent is every key that could have been charged.
        using var client = await ClientAsync(backend, serviceId, clusterId);
        var ledger = new Grains.Payments.SandboxPaymentGateway(client.Services.GetRequiredService<IClusterClient>());
        async Task<(BookAttempt Attempt, Grains.Payments.LedgerEntry? Charge, JsonNode? Booking)> Settled(BookAttempt attempt)
        {
            var found = await Send(again, HttpMethod.Get, $"/api/v1/bookings/{attempt.BookingId}", fans[attempt.Fan].Token);
            return (attempt, await ledger.Entry(attempt.BookingId), found.StatusCode == HttpStatusCode.NotFound ? null : await Json(found));
        }
        var outcomes = Array.Empty<(BookAttempt Attempt, Grains.Payments.LedgerEntry? Charge, JsonNode? Booking)>();
        await Eventually.True(async () =>
        {
            outcomes = await Task.WhenAll(bookAttempts.Select(Settled));
            // Settled: a booking confirmed exactly when its charge stands.
            return outcomes.All(o => (o.Charge is { Refunded: false }) == (o.Booking?["status"]!.GetValue<string>() == "confirmed"));
        }, TimeSpan.FromSeconds(60), "every charge confirmed or refunded, and no booking confirmed without one");

        var seats = (await Json(await again.GetAsync($"/api/v1/events/{eventId}/seats")))["seats"]!.AsArray()
            .ToDictionary(s => s!["seatId"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());
        var confirmed = outcomes.Where(o => o.Booking?["status"]!.GetValue<string>() == "confirmed").ToList();
        output.WriteLine($"{confirmed.Count} bookings confirmed, {outcomes.Count(o => o.Charge is { Refunded: true })} refunded, {outcomes.Count(o => o.Charge is null)} never charged");

        // Every 201 is there with its tickets, under the id its key names.
        Assert.All(booked, b =>
        {
            Assert.Equal(b.Key.BookingId, b.Value);
            var booking = Assert.Single(confirmed, o => o.Attempt == b.Key).Booking!;
            Assert.Equal(b.Key.Seats.Order(), booking["tickets"]!.AsArray().Select(t => t!["seatId"]!.GetValue<string>()).Order());
        });
        // Every charge has its seats sold or its refund, and only confirmed bookings hold sold seats, each seat once.
        Assert.All(confirmed, o => Assert.All(o.Attempt.Seats, seat => Assert.Equal("sold", seats[seat])));
        var soldSeats = confirmed.SelectMany(o => o.Booking!["tickets"]!.AsArray().Select(t => t!["seatId"]!.GetValue<string>())).ToList();
        Assert.Equal(soldSeats.Count, soldSeats.Distinct().Count());
        Assert.Equal(seats.Where(s => s.Value == "sold").Select(s => s.Key).Order(), soldSeats.Order());
        Assert.Equal(0, (await client.Services.GetRequiredService<IClusterClient>().GetGrain<Events.IEventGrain>(eventId).Audit()).SeatsClaimedTwice);

        Assert.All(acknowledgedHolds, pair => Assert.All(pair, seat => Assert.NotEqual("available", seats[seat])));
        // All or nothing: each reservation's two seats share one fate, whatever the kill interrupted.
        Assert.All(attempted, pair => Assert.Equal(seats[pair[0]], seats[pair[1]]));
        var untouched = seats.Keys.Except(attempted.SelectMany(p => p)).ToList();
        Assert.All(untouched, seat => Assert.Equal("available", seats[seat]));
    }

    private static Task<HttpResponseMessage> Book(HttpClient http, string token, BookAttempt attempt) =>
        Send(http, HttpMethod.Post, "/api/v1/book", token, new { reservationId = attempt.ReservationId, payment = new { token = "tok_visa" } }, attempt.Key);

    /// <summary>An Orleans client of the process cluster, as a second frontend would be: for what HTTP does not show (the sandbox ledger, the event's audit).</summary>
    private static async Task<IHost> ClientAsync(IBackendFixture backend, string serviceId, string clusterId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(backend.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:ServiceId"] = serviceId, ["Orleans:ClusterId"] = clusterId })
            .Build();
        var host = new HostBuilder().UseOrleansClient(client => client.ConfigureTicketMaster(configuration)).Build();
        await host.StartAsync();
        return host;
    }

    internal static async Task<string> CreateEvent(HttpClient http, string admin, int rows = 5, int seatsPerRow = 5, int maxTicketsPerFan = 8)
    {
        var venue = await Json(await Send(http, HttpMethod.Post, "/api/v1/venues", admin, new
        {
            name = "E2E Hall", city = "Lisbon", address = "Rua 1",
            sections = new object[] { new { sectionId = "A", name = "Stalls", rows, seatsPerRow } },
        }));
        var created = await Json(await Send(http, HttpMethod.Post, "/api/v1/events", admin, new
        {
            name = "E2E Night", description = "", category = "concert", startsAt = DateTimeOffset.UtcNow.AddMonths(2),
            venueId = venue["venueId"]!.GetValue<string>(), performerIds = Array.Empty<string>(),
            prices = new[] { new { sectionId = "A", price = 40m, currency = "EUR" } },
            maxTicketsPerFan,
        }));
        return created["eventId"]!.GetValue<string>();
    }

    internal static async Task<string> Register(HttpClient http) => (await RegisterWithId(http)).Token;

    internal static async Task<(string Token, string UserId)> RegisterWithId(HttpClient http)
    {
        var email = $"other-{Guid.NewGuid():N}@example.com";
        var registered = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "amber-violin-meadow-72", displayName = "Other" });
        return (await Token(http, email, "amber-violin-meadow-72"), (await Json(registered))["userId"]!.GetValue<string>());
    }

    internal static async Task<string> Token(HttpClient http, string email, string password)
    {
        var response = await Eventually.Succeeds(async () =>
        {
            var answer = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
            return answer.StatusCode == HttpStatusCode.OK ? answer : throw new InvalidOperationException($"token: {(int)answer.StatusCode}");
        }, TimeSpan.FromSeconds(30));
        return (await Json(response))["accessToken"]!.GetValue<string>();
    }

    internal static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string token, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }

    internal static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }
}
