namespace TicketMaster.Search;

public static class CatalogShards
{
    /// <summary>Fixed: changing it re-homes every event's change log.</summary>
    public const int Count = 8;

    /// <summary>The stream namespace catalog changes are pushed on (stream key: shard number).</summary>
    public const string StreamNamespace = "catalog";

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static int Of(string eventId)
    {
        var hash = 2166136261u;
        foreach (var c in eventId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % Count);
    }
}
