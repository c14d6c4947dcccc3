namespace TicketMaster;

/// <summary>Names of the grain storage providers; each backend registers both.</summary>
public static class StorageNames
{
    /// <summary>Every other grain: users, bookings, venues, performers, catalog shards.</summary>
    public const string Grains = "grains";

    /// <summary>The Orleans stream provider for catalog changes.</summary>
    public const string Streams = "streams";

    /// <summary>The Orleans stream provider needs a PubSub store.</summary>
    public const string PubSub = "PubSubStore";
}
