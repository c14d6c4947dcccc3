using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TicketMaster.Hosting;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// One in-process silo set up exactly as production's memory configuration (storage and streams),
/// shared by the cluster test collection.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's own client: what a co-hosted web frontend's projector gets.</summary>
    public IClusterClient SiloClient => Cluster.GetSiloServiceProvider().GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Storage"] = StorageKinds.Memory,
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.ConfigureTicketMaster(configuration));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
