using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TicketMaster.Silo.Hosting;

/// <summary>
/// <c>Orleans:Streaming</c> picks the provider behind <see cref="StorageNames.Streams"/>. The
/// catalog stream is only search's fast path (the shards' log is the truth), so a provider is a
/// trade of latency, durability and cost, never of correctness.
/// </summary>
public static class StreamingConfiguration
{
    public static ISiloBuilder AddTicketMasterStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        switch (KindOf(configuration))
        {
            case StreamingKinds.Memory:
                silo.AddMemoryStreams(StorageNames.Streams);
                break;
            case StreamingKinds.AzureQueue:
                var account = AzureStorageAccount.From(configuration, $"{StreamingKinds.Key}={StreamingKinds.AzureQueue}");
                // Queue names default to "{ServiceId}-streams-{n}": clusters of other services on the account stay apart.
                silo.AddAzureQueueStreams(StorageNames.Streams, (OptionsBuilder<AzureQueueOptions> queues) =>
                    queues.Configure(o => o.QueueServiceClient = account.Queues));
                break;
            case StreamingKinds.EventHubs:
                var hub = EventHubsConnection.From(configuration);
                // Event Hubs keeps no read positions for Orleans: the pulling agents checkpoint them in a table.
                var checkpoints = AzureStorageAccount.From(configuration, $"{StreamingKinds.Key}={StreamingKinds.EventHubs} (its checkpoint table)");
                silo.AddEventHubStreams(StorageNames.Streams, b =>
                {
                    b.ConfigureEventHub(o => o.Configure(h => h.ConfigureEventHubConnection(hub.ConnectionString, hub.Name, hub.ConsumerGroup)));
                    b.UseAzureTableCheckpointer(o => o.Configure(c => c.TableServiceClient = checkpoints.Tables));
                });
                break;
        }
        return silo;
    }

    /// <summary>The same provider on a client, so a frontend in client mode can subscribe to the catalog stream.</summary>
    public static IClientBuilder AddTicketMasterStreams(this IClientBuilder client, IConfiguration configuration)
    {
        switch (KindOf(configuration))
        {
            case StreamingKinds.Memory:
                client.AddMemoryStreams(StorageNames.Streams);
                break;
            case StreamingKinds.AzureQueue:
                var account = AzureStorageAccount.From(configuration, $"{StreamingKinds.Key}={StreamingKinds.AzureQueue}");
                client.AddAzureQueueStreams(StorageNames.Streams, (OptionsBuilder<AzureQueueOptions> queues) =>
                    queues.Configure(o => o.QueueServiceClient = account.Queues));
                break;
            case StreamingKinds.EventHubs:
                var hub = EventHubsConnection.From(configuration);
                client.AddEventHubStreams(StorageNames.Streams, b =>
                    b.ConfigureEventHub(o => o.Configure(h => h.ConfigureEventHubConnection(hub.ConnectionString, hub.Name, hub.ConsumerGroup))));
                break;
        }
        return client;
    }

    private static string KindOf(IConfiguration configuration)
    {
        var kind = configuration[StreamingKinds.Key];
        if (string.IsNullOrWhiteSpace(kind)) return StreamingKinds.Memory;
        return kind switch
        {
            StreamingKinds.Memory or StreamingKinds.AzureQueue or StreamingKinds.EventHubs => kind,
            _ => throw new InvalidOperationException(
                $"Configuration '{StreamingKinds.Key}' is '{kind}'; expected '{StreamingKinds.Memory}', '{StreamingKinds.AzureQueue}' or '{StreamingKinds.EventHubs}'."),
        };
    }
}
