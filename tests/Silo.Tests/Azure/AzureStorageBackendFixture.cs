using TicketMaster.Silo.Hosting;
using TicketMaster.Silo.Tests.Backends;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>The AzureStorage backend on an Azurite of its own.</summary>
public sealed class AzureStorageBackendFixture(AzuriteFixture azurite) : IBackendFixture
{
    public string Name => StorageKinds.AzureStorage;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orleans:Storage"] = StorageKinds.AzureStorage,
        [AzureStorageAccount.Key] = azurite.ConnectionString,
    };

    public AzuriteFixture Azurite => azurite;

    public async Task RestartStorageAsync()
    {
        await azurite.StopAsync();
        await azurite.StartAsync();
    }
}
