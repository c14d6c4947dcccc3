using System.Globalization;
using System.Net;
using static TicketMaster.Silo.Tests.Backends.ProcessClusterTests;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// The production layout on one machine (memory backend): a Silo process with its management endpoint and
/// a client-mode WebFrontend process. What an operator scrapes and probes on each.
/// </summary>
public sealed class ManagementEndpointTests
{
    private const string AdminEmail = "ops-admin@tests.example";
    private const string AdminPassword = "ops-admin-password";

    [Fact]
    public async Task The_silo_serves_the_orleans_meter_and_the_business_counters_move_after_a_booking_while_each_host_is_ready_by_its_own_dependencies_and_answers_errors_as_problem_json()
    {
        static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        var gatewayPort = ServiceProcess.FreePort();
        var managementPort = ServiceProcess.FreePort();
        var webPort = ServiceProcess.FreePort();
        var common = new Dictionary<string, string?>
        {
            ["Orleans:Storage"] = "Memory",
            ["Orleans:GatewayPort"] = Port(gatewayPort),
            ["WaitingRoom:SigningKey"] = "X7r9ja4iTyn6kpcDsKWMaTiXxd+rzKBJdNNcmgHG09s=",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var silo = ServiceProcess.Start("Silo", new Dictionary<string, string?>(common)
        {
            ["Orleans:SiloPort"] = Port(ServiceProcess.FreePort()),
            ["Management:Port"] = Port(managementPort),
        });
        await using var web = ServiceProcess.Start("WebFrontend", new Dictionary<string, string?>(common)
        {
            ["Orleans:Hosting"] = "Client",
            ["Jwt:SigningKey"] = "Q5vJfQuJJY/DDsL2dYhCepaZ7OmmTbVWvTT1x9sRXrA=",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
        }, "--urls", $"http://127.0.0.1:{webPort}");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };

        try
        {
            await UntilReady(management, silo);
            await UntilReady(http, web);
            Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/healthz")).StatusCode);
            // Errors on the management endpoint are problem+json with a traceId, as on the frontend.
            var unknown = await management.GetAsync("/no-such-path");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
            Assert.Equal(404, problem["status"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));

            var before = await management.GetStringAsync("/metrics");
            Assert.Contains("orleans_", before);
            Assert.Equal(0, Counter(before, "ticketmaster_seats_sold"));

            var admin = await Token(http, AdminEmail, AdminPassword);
            var eventId = await CreateEvent(http, admin);
            var fan = await Register(http);
            var reservationId = (await Json(await Send(http, HttpMethod.Post, "/api/v1/reserve", fan, new { eventId, seats = new[] { "A-1-1", "A-1-2" } })))["reservationId"]!.GetValue<string>();
            var booked = await Send(http, HttpMethod.Post, "/api/v1/book", fan, new { reservationId, payment = new { token = "tok_visa" } }, "ops-key-1");
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

            // The grains run in the Silo process: its scrape, not the frontend's, carries the sale.
            string after = "";
            await Eventually.True(async () =>
            {
                after = await management.GetStringAsync("/metrics");
                return Counter(after, "ticketmaster_seats_sold") >= 2;
            }, TimeSpan.FromSeconds(30), "the silo's scrape shows the two seats sold");
            Assert.True(Counter(after, "ticketmaster_seats_held") >= 2);
            Assert.True(Counter(after, "ticketmaster_holds_created") >= 1);
            Assert.True(Counter(after, "ticketmaster_payments") >= 1);
            Assert.Contains("outcome=\"charged\"", after);
            Assert.Contains("ticketmaster-silo", after);

            // The frontend's dependency is the cluster: without a silo it is alive but not ready.
            await silo.KillHardAsync();
            await Eventually.True(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(60), "the frontend reports not ready once its silo is gone");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nsilo:\n{silo.LogTail()}\nweb:\n{web.LogTail()}", e);
        }
    }

    private static Task UntilReady(HttpClient http, ServiceProcess process) =>
        Eventually.True(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The process exited during start:\n{process.LogTail()}");
            try { return (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(90), "ready");

    /// <summary>The sum of a counter's samples in a Prometheus text scrape (0 when it was never recorded).</summary>
    private static double Counter(string scrape, string name) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(name + "_total", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
