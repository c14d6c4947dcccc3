using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>The hub behind <c>Orleans:Streaming=EventHubs</c>, checked while the host is configured and again at start.</summary>
public sealed class EventHubsConnection
{
    public const string ConnectionStringName = "EventHubs";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string Section = "Orleans:EventHubs";
    public const string NameKey = Section + ":" + nameof(Name);
    public const string ConsumerGroupKey = Section + ":" + nameof(ConsumerGroup);

    public string? ConnectionString { get; set; }

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
        if (string.IsNullOrWhiteSpace(settings.ConsumerGroup)) settings.ConsumerGroup = "$Default";
    }

    /// <summary>The one place the rules live.</summary>
    public sealed class Validation : IValidateOptions<EventHubsConnection>
    {
        public ValidateOptionsResult Validate(string? name, EventHubsConnection options)
        {
            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add($"Configuration '{ConnectionStringKey}' is missing; Orleans:Streaming=EventHubs needs the namespace's connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...).");
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
