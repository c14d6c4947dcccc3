using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>
/// <c>Orleans:Streaming</c> picks the provider behind <see cref="StorageNames.Streams"/>. The
/// catalog stream is only search's fast path (the shards' log is the truth), so a provider is a
/// trade of latency, durability and cost, never of correctness. The one switch over the key.
/// </summary>
public static class StreamKinds
{
    public static IStreamKind For(IConfiguration configuration)
    {
        var kind = configuration[StreamingKinds.Key];
        if (string.IsNullOrWhiteSpace(kind)) return new MemoryStreams();
        return kind switch
        {
            StreamingKinds.Memory => new MemoryStreams(),
            StreamingKinds.AzureQueue => new AzureQueueStreams(),
            StreamingKinds.EventHubs => new EventHubsStreams(),
            _ => throw new InvalidOperationException(
                $"Configuration '{StreamingKinds.Key}' is '{kind}'; expected '{StreamingKinds.Memory}', '{StreamingKinds.AzureQueue}' or '{StreamingKinds.EventHubs}'."),
        };
    }
}
