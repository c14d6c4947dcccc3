using Orleans.TestingHost;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests;

/// <summary>A <see cref="BackendCluster"/> on a Postgres database, for the tests that are about Postgres alone.</summary>
public static class PostgresCluster
{
    public static Task<InProcessTestCluster> StartAsync(string connectionString, string serviceId, short silos = 1, string? clusterId = null) =>
        BackendCluster.StartAsync(
            new Dictionary<string, string?>
            {
                ["Orleans:Storage"] = StorageKinds.Postgres,
                ["ConnectionStrings:Postgres"] = connectionString,
            },
            serviceId, silos, clusterId);
}
