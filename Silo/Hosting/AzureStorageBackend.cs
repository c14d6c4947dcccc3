using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Silo.Hosting;

/// <summary>
/// <c>Orleans:Storage=AzureStorage</c>: membership and reminders in Azure Table storage, grain
/// state in Blob storage, the stream PubSub store in Table storage, journals (event seat changes)
/// in Table storage with their snapshots in Blob storage, all on the account of
/// <c>ConnectionStrings:AzureStorage</c> (docs/storage.md, "Azure Storage").
/// </summary>
public static class AzureStorageBackend
{
    /// <summary>
    /// Every other grain: also blobs, because catalog shards and waiting rooms grow with the
    /// catalog and the queue, past what a table entity holds.
    /// </summary>
    public const string GrainContainer = "grains";

    /// <summary>PubSub state is one small entity per stream: a table suits it.</summary>
    public const string PubSubTable = "OrleansPubSub";

    public static ISiloBuilder UseAzureStorageBackend(this ISiloBuilder silo, IConfiguration configuration)
    {
        var account = AzureStorageAccount.From(configuration, "Orleans:Storage=AzureStorage");
        var settings = OrleansSettings.From(configuration);
        if (!IPAddress.TryParse(settings.AdvertisedIP, out var advertised))
        {
            throw new InvalidOperationException($"Configuration 'Orleans:AdvertisedIP' is '{settings.AdvertisedIP}', which is not an IP address.");
        }
        // Other silos and clients read this address from the membership table.
        silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort);
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
        foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
        {
            // Every stored type is [GenerateSerializer] with stable ids and aliases: that is the
            // versioning contract of our state, and the binary form is a third of the JSON one.
            silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(name,
                (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
        }

        silo.UseAzureTableReminderService(o => o.TableServiceClient = account.Tables);
        // Added before AddTicketMasterGrains, whose TryAdd of the memory journals then yields.
        silo.Services.AddSingleton<IJournalStorage>(sp =>
            new AzureJournalStorage(account.Tables, account.Blobs, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>A client (a web frontend in <c>Orleans:Hosting=Client</c>) finds the gateways in the silos' membership table.</summary>
    public static IClientBuilder UseAzureStorageBackend(this IClientBuilder client, IConfiguration configuration)
    {
        var account = AzureStorageAccount.From(configuration, "Orleans:Storage=AzureStorage");
        client.UseAzureStorageClustering(o => o.TableServiceClient = account.Tables);
        return client;
    }
}
