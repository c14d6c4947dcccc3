using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using TicketMaster.Grains.Events;
using TicketMaster.Hosting;
using TicketMaster.Silo.Tests.Backends;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>The AzureStorage backend on an Azurite of its own.</summary>
public sealed class AzureStorageBackendFixture(AzuriteFixture azurite) : IBackendFixture
{
    // Orleans' Azure membership table.
    private const string MembershipTable = "OrleansSiloInstances";

    public string Name => StorageKinds.AzureStorage;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orleans:Storage"] = StorageKinds.AzureStorage,
        [AzureStorageSettings.Key] = azurite.ConnectionString,
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
            s.GetString("Port") == silo.Endpoint.Port.ToString(CultureInfo.InvariantCulture) && s.GetString("Generation") == silo.Generation.ToString(CultureInfo.InvariantCulture));
        return row is null ? SiloStatus.None : Enum.Parse<SiloStatus>(row.GetString("Status"));
    }

    /// <summary>
    /// An event is its journal (table rows and snapshot blob, keyed by service id). Other grain
    /// state blobs have no service id in their names: the blob is the grain's, whatever the service.
    /// </summary>
    public async Task<bool> HoldsState(string serviceId, string stateName, GrainId grain)
    {
        if (stateName == "event")
        {
            return (await Journals(serviceId).Read(EventJournal.Name(grain.Key.ToString()!))).LastSequence > 0;
        }
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzureStorageBackend.GrainContainer).GetBlobClient($"{stateName}-{grain}.json");
        return (await blob.ExistsAsync()).Value;
    }

    /// <summary>A service's journals, read and written as another process of that service would.</summary>
    public AzureJournalStorage Journals(string serviceId) =>
        new(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString), serviceId);

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
