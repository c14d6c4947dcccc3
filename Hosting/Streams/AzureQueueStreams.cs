using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TicketMaster.Hosting;

/// <summary><c>Orleans:Streaming=AzureQueue</c>: Azure Storage queues on the backend's account; messages wait for a consumer.</summary>
public sealed class AzureQueueStreams : IStreamKind
{
    // Queue names default to "{ServiceId}-streams-{n}": clusters of other services on the account stay apart.
    public void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        var account = AzureStorageAccount.From(configuration, silo.Services);
        silo.AddAzureQueueStreams(StorageNames.Streams, (OptionsBuilder<AzureQueueOptions> queues) =>
            queues.Configure(o => o.QueueServiceClient = account.Queues));
    }

    public void ConfigureClient(IClientBuilder client, IConfiguration configuration)
    {
        var account = AzureStorageAccount.From(configuration, client.Services);
        client.AddAzureQueueStreams(StorageNames.Streams, (OptionsBuilder<AzureQueueOptions> queues) =>
            queues.Configure(o => o.QueueServiceClient = account.Queues));
    }
}
