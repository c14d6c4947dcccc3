using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Hosting;

/// <summary>
/// The storage account of <see cref="AzureStorageSettings"/>, one client per service: by connection string,
/// or at the service URIs through <see cref="DefaultAzureCredential"/> (no key in the configuration).
/// Built while the host is configured, so a missing or malformed setting stops the start with the key's
/// name instead of surfacing later as a provider's first failed request.
/// </summary>
public sealed class AzureStorageAccount
{
    private AzureStorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>The account, its settings checked now and registered to be checked again at start.</summary>
    public static AzureStorageAccount From(IConfiguration configuration, IServiceCollection services)
    {
        AzureStorageSettings.Register(services, configuration);
        return From(configuration);
    }

    public static AzureStorageAccount From(IConfiguration configuration)
    {
        var settings = AzureStorageSettings.From(configuration);
        if (!settings.UsesServiceUris)
        {
            return new AzureStorageAccount(
                new TableServiceClient(settings.ConnectionString),
                new BlobServiceClient(settings.ConnectionString),
                new QueueServiceClient(settings.ConnectionString));
        }
        var credential = new DefaultAzureCredential();
        return new AzureStorageAccount(
            new TableServiceClient(new Uri(settings.TableServiceUri!), credential),
            new BlobServiceClient(new Uri(settings.BlobServiceUri!), credential),
            new QueueServiceClient(new Uri(settings.QueueServiceUri!), credential));
    }
}
