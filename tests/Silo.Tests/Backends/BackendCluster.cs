using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using TicketMaster.Silo.Hosting;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// An in-process cluster set up by the production <see cref="SiloConfiguration.ConfigureTicketMaster"/>
/// on a backend. Storage, reminders and streams are the backend's; membership is the test
/// cluster's own, which TestingHost always installs (the Azure membership table has its own test).
/// </summary>
public sealed class BackendCluster : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> TestDefaults = new()
    {
        ["Accounts:PasswordHasher:IterationCount"] = "1000",
        ["Booking:PaymentTimeout"] = "00:00:02",
    };

    private BackendCluster(InProcessTestCluster cluster, IConfiguration configuration)
    {
        Cluster = cluster;
        Configuration = configuration;
    }

    public InProcessTestCluster Cluster { get; }

    public IConfiguration Configuration { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <param name="serviceId">The same id finds the same state again in a later cluster.</param>
    public static async Task<BackendCluster> StartAsync(
        IBackendFixture backend,
        string serviceId,
        short silos = 1,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ISiloBuilder>? configureSilo = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestDefaults)
            .AddInMemoryCollection(backend.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureTicketMaster(configuration);
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.AddTicketMasterStreams(configuration));
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
        return new BackendCluster(cluster, configuration);
    }

    /// <summary>A silo's grain storage provider, to read or write state as another activation would.</summary>
    public IGrainStorage Storage(string name) =>
        Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(name);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    public static string NewServiceId() => "svc" + Guid.NewGuid().ToString("N")[..12];
}
