using Azure.Identity;
using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// The hub behind <c>Orleans:Streaming=EventHubs</c>, checked while the host is configured and again at start: reached
/// with a connection string, or at the namespace with the host's identity (<see cref="DefaultAzureCredential"/>, no key
/// in the configuration), as azure/ deploys it.
/// </summary>
public sealed class EventHubsConnection
{
    public const string ConnectionStringName = "EventHubs";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string NamespaceKey = "EventHubs:FullyQualifiedNamespace";
    public const string Section = "Orleans:EventHubs";
    public const string NameKey = Section + ":" + nameof(Name);

    public string? ConnectionString { get; set; }

    /// <summary>The namespace's host name (<c>name.servicebus.windows.net</c>), used when there is no connection string.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    public string? Name { get; set; }

    public string? ConsumerGroup { get; set; }

    /// <summary>Read and checked now, registered to be checked again when the host starts.</summary>
    public static EventHubsConnection From(IConfiguration configuration, IServiceCollection services)
    {
        Register(services, configuration);
        var settings = new EventHubsConnection();
        Bind(configuration, settings);
        return CheckedSettings.Check<EventHubsConnection, Validation>(settings);
    }

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        CheckedSettings.Register<EventHubsConnection, Validation>(services, o => Bind(configuration, o));

    private static void Bind(IConfiguration configuration, EventHubsConnection settings)
    {
        configuration.GetSection(Section).Bind(settings);
        settings.ConnectionString = configuration.GetConnectionString(ConnectionStringName);
        settings.FullyQualifiedNamespace = configuration[NamespaceKey];
        if (string.IsNullOrWhiteSpace(settings.ConsumerGroup)) settings.ConsumerGroup = "$Default";
    }

    /// <summary>Points Orleans' Event Hubs provider at the hub: by connection string when there is one, else by namespace and identity.</summary>
    public void Apply(Orleans.Configuration.EventHubOptions hub)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) hub.ConfigureEventHubConnection(ConnectionString, Name!, ConsumerGroup!);
        else hub.ConfigureEventHubConnection(FullyQualifiedNamespace!, Name!, ConsumerGroup!, new DefaultAzureCredential());
    }

    /// <summary>The one place the rules live.</summary>
    public sealed class Validation : IValidateOptions<EventHubsConnection>
    {
        public ValidateOptionsResult Validate(string? name, EventHubsConnection options)
        {
            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                if (string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace))
                {
                    failures.Add($"Configuration '{ConnectionStringKey}' is missing; Orleans:Streaming=EventHubs needs the namespace's connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...), or '{NamespaceKey}' (name.servicebus.windows.net) to reach it with the host's identity.");
                }
                else if (Uri.CheckHostName(options.FullyQualifiedNamespace) != UriHostNameType.Dns || !options.FullyQualifiedNamespace.Contains('.', StringComparison.Ordinal))
                {
                    failures.Add($"Configuration '{NamespaceKey}' must be the namespace's host name (name.servicebus.windows.net), without scheme or path.");
                }
            }
            else
            {
                try
                {
                    EventHubsConnectionStringProperties.Parse(options.ConnectionString);
                }
                catch (FormatException)
                {
                    failures.Add($"Configuration '{ConnectionStringKey}' is not a valid Event Hubs connection string; Orleans:Streaming=EventHubs needs one.");
                }
            }
            if (string.IsNullOrWhiteSpace(options.Name))
            {
                failures.Add($"Configuration '{NameKey}' is missing; Orleans:Streaming=EventHubs needs the event hub's name.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
