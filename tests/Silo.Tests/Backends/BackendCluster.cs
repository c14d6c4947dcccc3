using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// An in-process cluster set up exactly as production on a backend
/// (<see cref="SiloConfiguration.ConfigureTicketMaster"/> and <see cref="ClientConfiguration.ConfigureTicketMaster"/>),
/// so membership, gateways, grain state, reminders and streams all go through that backend.
/// </summary>
public static class BackendCluster
{
    public static Task<InProcessTestCluster> StartAsync(
        IBackendFixture backend, string serviceId, short silos = 1, string? clusterId = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<ISiloBuilder>? configureSilo = null) =>
        StartAsync(backend.Settings, serviceId, silos, clusterId, settings, configureSilo);

    /// <param name="backendSettings">Orleans:Storage and its connection string.</param>
    /// <param name="serviceId">The same id finds the same state again in a later cluster.</param>
    public static async Task<InProcessTestCluster> StartAsync(
        IReadOnlyDictionary<string, string?> backendSettings, string serviceId, short silos = 1, string? clusterId = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<ISiloBuilder>? configureSilo = null)
    {
        clusterId ??= NewId("cluster");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(backendSettings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:ServiceId"] = serviceId,
                ["Accounts:PasswordHasher:IterationCount"] = "1000",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
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
            configureSilo?.Invoke(silo);
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

    /// <summary>A grain storage provider of a running silo, for reading or writing state as another activation would.</summary>
    public static IGrainStorage Storage(this InProcessTestCluster cluster, string name) =>
        cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>Ids short enough for every backend's names (Azure queue names carry the service id).</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// InProcessTestCluster wires its own in-memory membership table unless told otherwise, and
    /// that switch is not public; without it the silos would never touch the backend's
    /// membership table, nor the client its gateway list.
    /// </summary>
    private static void UseConfiguredMembership(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("This Orleans.TestingHost has no UseTestClusterMembership option; the cluster tests need a way to turn off its in-memory membership.");
        property.SetValue(options, false);
    }
}
