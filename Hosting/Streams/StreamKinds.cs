namespace TicketMaster.Hosting;

/// <summary>
/// <c>Orleans:Streaming</c> picks the provider behind <see cref="StorageNames.Streams"/>. The
/// catalog stream is only search's fast path (the shards' log is the truth), so a provider is a
/// trade of latency, durability and cost, never of correctness. The one switch over the key.
/// </summary>
public static class StreamKinds
{
    public static IStreamKind For(OrleansSettings settings) => settings.Streaming switch
    {
        StreamingKinds.Memory => new MemoryStreams(),
        StreamingKinds.AzureQueue => new AzureQueueStreams(),
        StreamingKinds.EventHubs => new EventHubsStreams(),
        // OrleansSettingsValidation has refused any other value, naming the key.
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Streaming, $"{StreamingKinds.Key} was not validated."),
    };
}
