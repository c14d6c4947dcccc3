namespace TicketMaster.Hosting;

/// <summary>Values of <c>Orleans:Streaming</c>: which provider carries <see cref="StorageNames.Streams"/>.</summary>
public static class StreamingKinds
{
    public const string Key = "Orleans:Streaming";

    /// <summary>In the silos' memory: fast, and lost with them.</summary>
    public const string Memory = "Memory";

    /// <summary>Azure Storage queues on the <c>ConnectionStrings:AzureStorage</c> account: messages wait for a consumer.</summary>
    public const string AzureQueue = "AzureQueue";

    /// <summary>Azure Event Hubs: <c>ConnectionStrings:EventHubs</c> and <c>Orleans:EventHubs:Name</c>.</summary>
    public const string EventHubs = "EventHubs";
}
