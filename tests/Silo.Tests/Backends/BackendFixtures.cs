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
