using TicketMaster.Hosting;
using TicketMaster.Silo.Tests.Azure;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// The backends of a test collection, each started on first use and shared after that, so a
/// [Theory] over backend names starts each storage server once.
/// </summary>
public sealed class BackendFixtures : IAsyncLifetime
{
    private readonly Dictionary<string, Task<IBackendFixture>> _started = [];
    private readonly Dictionary<string, Task<FaultyBackendCluster>> _faulty = [];
    private readonly List<IAsyncLifetime> _owned = [];
    private readonly Lock _lock = new();

    public Task<IBackendFixture> Get(string name)
    {
        lock (_lock)
        {
            if (!_started.TryGetValue(name, out var started))
            {
                started = Start(name);
                _started[name] = started;
            }
            return started;
        }
    }

    /// <summary>A silo on the backend whose journals and gateway the saga's crash scenarios make fail, started on first use and shared.</summary>
    public Task<FaultyBackendCluster> Faulty(string name)
    {
        var backend = Get(name);
        lock (_lock)
        {
            if (!_faulty.TryGetValue(name, out var started))
            {
                started = StartFaulty(backend);
                _faulty[name] = started;
            }
            return started;
        }
    }

    private static async Task<FaultyBackendCluster> StartFaulty(Task<IBackendFixture> backend) => await FaultyBackendCluster.StartAsync(await backend);

    private async Task<IBackendFixture> Start(string name)
    {
        switch (name)
        {
            case StorageKinds.AzureStorage:
                var azurite = new AzuriteFixture();
                lock (_lock) _owned.Add(azurite);
                await azurite.InitializeAsync();
                return new AzureStorageBackendFixture(azurite);
            case StorageKinds.Postgres:
                var postgres = new PostgresFixture();
                lock (_lock) _owned.Add(postgres);
                await postgres.InitializeAsync();
                return new PostgresBackendFixture(postgres);
            default:
                throw new ArgumentException($"No test fixture for backend '{name}'.", nameof(name));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        List<Task<FaultyBackendCluster>> clusters;
        lock (_lock) clusters = [.. _faulty.Values];
        foreach (var cluster in clusters.Where(c => c.IsCompletedSuccessfully)) await cluster.Result.DisposeAsync();
        List<IAsyncLifetime> owned;
        lock (_lock) owned = [.. _owned];
        foreach (var fixture in owned) await fixture.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BackendCollection : ICollectionFixture<BackendFixtures>
{
    public const string Name = "backends";
}
