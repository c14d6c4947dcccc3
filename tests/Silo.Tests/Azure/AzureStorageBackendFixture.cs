using Azure.Data.Tables;
using Azure.Storage.Blobs;
using TicketMaster.Silo.Hosting;
using TicketMaster.Silo.Tests.Backends;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>The AzureStorage backend on an Azurite of its own.</summary>
public sealed class AzureStorageBackendFixture(AzuriteFixture azurite) : IBackendFixture
{
    // Orleans' Azure membership table and the blob names its grain storage writes.
    private const string MembershipTable = "OrleansSiloInstances";

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

    public async Task<int> SilosWithStatus(string clusterId, SiloStatus status) =>
        (await Silos(clusterId)).Count(s => s.GetString("Status") == status.ToString());

    public async Task<SiloStatus> StatusOf(string clusterId, SiloAddress silo)
    {
        var row = (await Silos(clusterId)).SingleOrDefault(s =>
            s.GetString("Port") == silo.Endpoint.Port.ToString() && s.GetString("Generation") == silo.Generation.ToString());
        return row is null ? SiloStatus.None : Enum.Parse<SiloStatus>(row.GetString("Status"));
    }

    /// <summary>Blob storage has no service id in its names: the blob is the grain's, whatever the service.</summary>
    public async Task<bool> HoldsState(string serviceId, string stateName, GrainId grain)
    {
        var container = stateName == "event" ? AzureStorageBackend.SeatMapContainer : AzureStorageBackend.GrainContainer;
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).GetBlobClient($"{stateName}-{grain}.json");
        return (await blob.ExistsAsync()).Value;
    }

    private async Task<List<TableEntity>> Silos(string clusterId)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(MembershipTable);
        var rows = new List<TableEntity>();
        // The table also holds one version row per cluster, which has no silo status.
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId))
        {
            if (row.ContainsKey("Status")) rows.Add(row);
        }
        return rows;
    }
}
