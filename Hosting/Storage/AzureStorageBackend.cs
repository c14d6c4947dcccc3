using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Hosting;

/// <summary>
/// <c>Orleans:Storage=AzureStorage</c>: membership and reminders in Azure Table storage, grain
/// state in Blob storage, the stream PubSub store in Table storage, journals (event seat changes)
/// in Table storage with their snapshots in Blob storage, all on the account of
/// <c>ConnectionStrings:AzureStorage</c> (docs/storage.md, "Azure Storage").
/// </summary>
public sealed class AzureStorageBackend : IStorageBackend
{
    /// <summary>
    /// Every other grain: also blobs, because catalog shards and waiting rooms grow with the
    /// catalog and the queue, past what a table entity holds.
    /// </summary>
    public const string GrainContainer = "grains";

    /// <summary>PubSub state is one small entity per stream: a table suits it.</summary>
    public const string PubSubTable = "OrleansPubSub";

    public void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration, OrleansSettings settings)
    {
        var account = AzureStorageAccount.From(configuration, silo.Services);
        // Other silos and clients read this address from the membership table.
        silo.ConfigureEndpoints(settings.AdvertisedAddress(), settings.SiloPort, settings.GatewayPort);
        silo.UseAzureStorageClustering(o => o.TableServiceClient = account.Tables);

        silo.AddAzureBlobGrainStorage(StorageNames.Grains, o =>
        {
            o.BlobServiceClient = account.Blobs;
            o.ContainerName = GrainContainer;
        });
        silo.AddAzureTableGrainStorage(StorageNames.PubSub, o =>
        {
            o.TableServiceClient = account.Tables;
            o.TableName = PubSubTable;
        });

        silo.UseAzureTableReminderService(o => o.TableServiceClient = account.Tables);
        // Added before AddTicketMasterGrains, whose TryAdd of the memory journals then yields.
        silo.Services.AddSingleton<IJournalStorage>(sp =>
            new AzureJournalStorage(account.Tables, account.Blobs, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "azure-storage", _ => new AzureStorageHealthCheck(account.Tables), failureStatus: null, tags: [HealthEndpoints.Ready]));
    }

    /// <summary>A client (a web frontend in <c>Orleans:Hosting=Client</c>) finds the gateways in the silos' membership table.</summary>
    public void ConfigureClient(IClientBuilder client, IConfiguration configuration, OrleansSettings settings)
    {
        var account = AzureStorageAccount.From(configuration, client.Services);
        client.UseAzureStorageClustering(o => o.TableServiceClient = account.Tables);
    }
}
