using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace TicketMaster.Silo.Hosting;

/// <summary>
/// The storage account named by <c>ConnectionStrings:AzureStorage</c>, with one client per
/// service. Built while the host is configured, so a missing or malformed string stops the start
/// with the key's name instead of surfacing later as a provider's first failed request.
/// </summary>
public sealed class AzureStorageAccount
{
    public const string ConnectionStringName = "AzureStorage";

    /// <summary>The configuration key, as operators set it (environment: <c>ConnectionStrings__AzureStorage</c>).</summary>
    public const string Key = "ConnectionStrings:" + ConnectionStringName;

    private AzureStorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <param name="purpose">What needs the account, for the error message.</param>
    public static AzureStorageAccount From(IConfiguration configuration, string purpose)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Configuration '{Key}' is missing; {purpose} needs it. Use 'UseDevelopmentStorage=true' for Azurite on its default ports, or a full connection string.");
        }
        try
        {
            // The SDK clients parse the string in their constructors and make no request yet.
            return new AzureStorageAccount(
                new TableServiceClient(connectionString),
                new BlobServiceClient(connectionString),
                new QueueServiceClient(connectionString));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            // The SDK's message never echoes the string, which may hold the account key.
            throw new InvalidOperationException(
                $"Configuration '{Key}' is not a valid Azure Storage connection string ({e.Message}); {purpose} needs it.", e);
        }
    }
}
