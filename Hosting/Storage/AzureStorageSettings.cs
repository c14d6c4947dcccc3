using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// How to reach the storage account: <c>ConnectionStrings:AzureStorage</c>, or the service URIs of section
/// <c>AzureStorage</c> for a managed identity. Needed by <c>Orleans:Storage=AzureStorage</c>,
/// <c>Orleans:Streaming=AzureQueue</c> and the checkpoints of <c>Orleans:Streaming=EventHubs</c>.
/// </summary>
public sealed class AzureStorageSettings
{
    public const string ConnectionStringName = "AzureStorage";

    /// <summary>The configuration key, as operators set it (environment: <c>ConnectionStrings__AzureStorage</c>).</summary>
    public const string Key = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The section of the service URIs, used when <see cref="Key"/> is not set.</summary>
    public const string UriSection = "AzureStorage";

    public const string TableUriKey = UriSection + ":" + nameof(TableServiceUri);
    public const string BlobUriKey = UriSection + ":" + nameof(BlobServiceUri);
    public const string QueueUriKey = UriSection + ":" + nameof(QueueServiceUri);

    public string? ConnectionString { get; set; }

    public string? TableServiceUri { get; set; }

    public string? BlobServiceUri { get; set; }

    public string? QueueServiceUri { get; set; }

    /// <summary>True when the account is reached by its service URIs (no connection string set).</summary>
    public bool UsesServiceUris => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Read and checked now: the backend and stream kinds build their clients while the host is configured.</summary>
    public static AzureStorageSettings From(IConfiguration configuration)
    {
        var settings = new AzureStorageSettings();
        Bind(configuration, settings);
        return CheckedSettings.Check<AzureStorageSettings, Validation>(settings);
    }

    /// <summary>Checked again when the host starts.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        CheckedSettings.Register<AzureStorageSettings, Validation>(services, o => Bind(configuration, o));

    private static void Bind(IConfiguration configuration, AzureStorageSettings settings)
    {
        configuration.GetSection(UriSection).Bind(settings);
        settings.ConnectionString = configuration.GetConnectionString(ConnectionStringName);
    }

    /// <summary>The one place the rules live.</summary>
    public sealed class Validation : IValidateOptions<AzureStorageSettings>
    {
        public ValidateOptionsResult Validate(string? name, AzureStorageSettings options)
        {
            if (!options.UsesServiceUris) return ValidateConnectionString(options.ConnectionString!);
            var uris = new[] { (TableUriKey, options.TableServiceUri), (BlobUriKey, options.BlobServiceUri), (QueueUriKey, options.QueueServiceUri) };
            if (uris.All(u => string.IsNullOrWhiteSpace(u.Item2)))
            {
                return ValidateOptionsResult.Fail(
                    $"Configuration '{Key}' is missing; the Azure Storage backend and the AzureQueue and EventHubs streams need it (or the service URIs " +
                    $"'{TableUriKey}', '{BlobUriKey}' and '{QueueUriKey}' for a managed identity). Use 'UseDevelopmentStorage=true' for Azurite on its default ports, or a full connection string.");
            }
            var failures = new List<string>();
            foreach (var (key, value) in uris)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    failures.Add($"Configuration '{key}' is missing; the account is reached by its service URIs and needs all three.");
                }
                // Token credentials are sent over https only; the SDK would refuse http later, at the first request.
                else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                {
                    failures.Add($"Configuration '{key}' is '{value}', which is not an absolute https URI.");
                }
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static ValidateOptionsResult ValidateConnectionString(string connectionString)
        {
            try
            {
                // The SDK clients parse the string in their constructors and make no request.
                _ = new TableServiceClient(connectionString);
                _ = new BlobServiceClient(connectionString);
                _ = new QueueServiceClient(connectionString);
                return ValidateOptionsResult.Success;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
            {
                // The SDK's message never echoes the string, which may hold the account key.
                return ValidateOptionsResult.Fail($"Configuration '{Key}' is not a valid Azure Storage connection string ({e.Message}).");
            }
        }
    }
}
