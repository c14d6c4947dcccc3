using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary><c>Orleans:Streaming=EventHubs</c>: <c>ConnectionStrings:EventHubs</c> (or <c>EventHubs:FullyQualifiedNamespace</c>) and <c>Orleans:EventHubs:Name</c>.</summary>
public sealed class EventHubsStreams : IStreamKind
{
    public void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        var hub = EventHubsConnection.From(configuration, silo.Services);
        // Event Hubs keeps no read positions for Orleans: the pulling agents checkpoint them in a table.
        var checkpoints = AzureStorageAccount.From(configuration, silo.Services);
        silo.AddEventHubStreams(StorageNames.Streams, b =>
        {
            b.ConfigureEventHub(o => o.Configure(hub.Apply));
            b.UseAzureTableCheckpointer(o => o.Configure(c => c.TableServiceClient = checkpoints.Tables));
        });
    }

    public void ConfigureClient(IClientBuilder client, IConfiguration configuration)
    {
        var hub = EventHubsConnection.From(configuration, client.Services);
        client.AddEventHubStreams(StorageNames.Streams, b =>
            b.ConfigureEventHub(o => o.Configure(hub.Apply)));
    }
}
