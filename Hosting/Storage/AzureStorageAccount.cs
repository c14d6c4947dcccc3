using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>
/// The storage account named by <c>ConnectionStrings:AzureStorage</c>, or reached through a managed
/// identity at the service URIs <c>AzureStorage:TableServiceUri</c>, <c>BlobServiceUri</c> and
/// <c>QueueServiceUri</c> (<see cref="DefaultAzureCredential"/>: no key in the configuration), with one client per
/// service. Built while the host is configured, so a missing or malformed string stops the start
/// with the key's name instead of surfacing later as a provider's first failed request.
/// </summary>
public sealed class AzureStorageAccount
{
    public const string ConnectionStringName = "AzureStorage";

    /// <summary>The configuration key, as operators set it (environment: <c>ConnectionStrings__AzureStorage</c>).</summary>
    public const string Key = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The section of the service URIs, used when <see cref="Key"/> is not set.</summary>
    public const string UriSection = "AzureStorage";

    public const string TableUriKey = UriSection + ":TableServiceUri";
    public const string BlobUriKey = UriSection + ":BlobServiceUri";
    public const string QueueUriKey = UriSection + ":QueueServiceUri";

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
            if (configuration.GetSection(UriSection).Exists()) return FromServiceUris(configuration, purpose);
            throw new InvalidOperationException(
                $"Configuration '{Key}' is missing; {purpose} needs it (or the service URIs '{TableUriKey}', '{BlobUriKey}' and '{QueueUriKey}' " +
                "for a managed identity). Use 'UseDevelopmentStorage=true' for Azurite on its default ports, or a full connection string.");
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

    /// <summary>Managed identity (or any credential DefaultAzureCredential finds): each URI must be an absolute https address.</summary>
    private static AzureStorageAccount FromServiceUris(IConfiguration configuration, string purpose)
    {
        var credential = new DefaultAzureCredential();
        return new AzureStorageAccount(
            new TableServiceClient(ServiceUri(configuration, TableUriKey, purpose), credential),
            new BlobServiceClient(ServiceUri(configuration, BlobUriKey, purpose), credential),
            new QueueServiceClient(ServiceUri(configuration, QueueUriKey, purpose), credential));
    }

    private static Uri ServiceUri(IConfiguration configuration, string key, string purpose)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"Configuration '{key}' is missing; {purpose} reaches the account by its service URIs and needs all three.");
        }
        // Token credentials are sent over https only; the SDK would refuse http later, at the first request.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Configuration '{key}' is '{value}', which is not an absolute https URI; {purpose} needs it.");
        }
        return uri;
    }
}
