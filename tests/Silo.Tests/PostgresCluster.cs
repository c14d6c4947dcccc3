using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using TicketMaster.Silo.Hosting;

namespace TicketMaster.Silo.Tests;

/// <summary>
/// An in-process cluster set up exactly as production with <c>Orleans:Storage=Postgres</c>
/// (<see cref="SiloConfiguration.ConfigureTicketMaster"/> and <see cref="ClientConfiguration.ConfigureTicketMaster"/>),
/// so membership, gateways, grain state and reminders all go through the migrated schema.
/// </summary>
public static class PostgresCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string connectionString, string serviceId, short silos = 1, string? clusterId = null)
    {
        clusterId ??= "cluster-" + Guid.NewGuid().ToString("N");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Storage"] = StorageKinds.Postgres,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = serviceId,
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Accounts:PasswordHasher:IterationCount"] = "1000",
        }).Build();

        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = serviceId;
        UseConfiguredMembership(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureTicketMaster(configuration);
            // A killed silo is declared dead in a few seconds instead of the production minute,
            // so the failover test fits the test budget; the protocol is the same.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        builder.ConfigureClient(client =>
        {
            client.ConfigureTicketMaster(configuration);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>A grain storage provider of a running silo, for writing state as another activation would.</summary>
    public static IGrainStorage Storage(this InProcessTestCluster cluster, string name) =>
        cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>
    /// InProcessTestCluster wires its own in-memory membership table unless told otherwise, and
    /// that switch is not public; without it the silos would never touch the Postgres membership
    /// table this cluster exists to test.
    /// </summary>
    private static void UseConfiguredMembership(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("This Orleans.TestingHost has no UseTestClusterMembership option; the Postgres cluster tests need a way to turn off its in-memory membership.");
        property.SetValue(options, false);
    }
}
