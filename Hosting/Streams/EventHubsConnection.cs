using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>The hub behind <c>Orleans:Streaming=EventHubs</c>, checked while the host is configured.</summary>
public sealed record EventHubsConnection(string ConnectionString, string Name, string ConsumerGroup)
{
    public const string ConnectionStringName = "EventHubs";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string NameKey = "Orleans:EventHubs:Name";
    public const string ConsumerGroupKey = "Orleans:EventHubs:ConsumerGroup";

    public static EventHubsConnection From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Configuration '{ConnectionStringKey}' is missing; Orleans:Streaming=EventHubs needs the namespace's connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...).");
        }
        try
        {
            EventHubsConnectionStringProperties.Parse(connectionString);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"Configuration '{ConnectionStringKey}' is not a valid Event Hubs connection string; Orleans:Streaming=EventHubs needs one.", e);
        }

        var name = configuration[NameKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException($"Configuration '{NameKey}' is missing; Orleans:Streaming=EventHubs needs the event hub's name.");
        }
        var consumerGroup = configuration[ConsumerGroupKey];
        return new EventHubsConnection(connectionString, name, string.IsNullOrWhiteSpace(consumerGroup) ? "$Default" : consumerGroup);
    }
}
