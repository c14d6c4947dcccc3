using System.Globalization;
using System.Net;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// A Silo process on PostgreSQL probed on its management endpoint: readiness follows its own storage,
/// liveness does not (an orchestrator must stop sending it work, not restart it, while the database is away).
/// </summary>
public sealed class SiloReadinessTests
{
    [Fact]
    public async Task A_silo_on_postgres_is_ready_while_postgres_answers_and_not_ready_but_alive_once_postgres_stops()
    {
        // A server of its own: the shared fixture's must outlive this test.
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        try
        {
            static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
            var managementPort = ServiceProcess.FreePort();
            await using var silo = ServiceProcess.Start("Silo", new Dictionary<string, string?>
            {
                ["Orleans:Storage"] = "Postgres",
                ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
                ["Orleans:ClusterId"] = "readiness-" + Guid.NewGuid().ToString("N")[..8],
                ["Orleans:SiloPort"] = Port(ServiceProcess.FreePort()),
                ["Orleans:GatewayPort"] = Port(ServiceProcess.FreePort()),
                ["Management:Port"] = Port(managementPort),
                ["WaitingRoom:SigningKey"] = "X7r9ja4iTyn6kpcDsKWMaTiXxd+rzKBJdNNcmgHG09s=",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
            try
            {
                await Eventually.True(async () =>
                {
                    if (silo.HasExited) throw new InvalidOperationException("The silo exited during start.");
                    try { return (await management.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
                    catch (HttpRequestException) { return false; }
                }, TimeSpan.FromSeconds(90), "the silo is ready while PostgreSQL answers");
                Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/healthz")).StatusCode);

                await postgres.Server.DisposeAsync();

                await Eventually.True(async () => (await management.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable,
                    TimeSpan.FromSeconds(60), "the silo reports not ready once PostgreSQL is stopped");
                Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/healthz")).StatusCode);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"{e.Message}\nsilo:\n{silo.LogTail()}", e);
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }
}
