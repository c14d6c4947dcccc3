namespace TicketMaster.Catalog;

/// <summary>
/// One owner's list of one kind of catalog item, in creation order (key: <see cref="CatalogIndex.Key"/>),
/// so a page costs one call whatever the catalog holds. The "all" owner lists everyone's, for admins.
/// </summary>
[Alias("ICatalogIndexGrain")]
public interface ICatalogIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds the item, or replaces its line in place when it is listed already.</summary>
    [Alias("Put")]
    Task Put(CatalogEntry entry);

    /// <summary>Up to <paramref name="limit"/> items from <paramref name="cursor"/> (null: the start); null when the cursor is not one this list gave.</summary>
    [Alias("List")]
    Task<CatalogPage?> List(string? cursor, int limit);
}

public enum CatalogKind
{
    Venues,
    Performers,
    Events,
}

public static class CatalogIndex
{
    /// <summary>The owner whose list holds everyone's items.</summary>
    public const string Everyone = "all";

    public static string Key(CatalogKind kind, string owner) => $"{kind.ToString().ToLowerInvariant()}/{owner}";

    public static CatalogKind KindOf(CatalogEntry entry) => entry switch
    {
        VenueEntry => CatalogKind.Venues,
        PerformerEntry => CatalogKind.Performers,
        _ => CatalogKind.Events,
    };

    /// <summary>Lists the item in its owner's list and in everyone's: the catalog grains call it after their own write is durable.</summary>
    public static async Task Publish(IGrainFactory grains, CatalogEntry entry)
    {
        var kind = KindOf(entry);
        if (entry.Owner.Length > 0) await grains.GetGrain<ICatalogIndexGrain>(Key(kind, entry.Owner)).Put(entry);
        await grains.GetGrain<ICatalogIndexGrain>(Key(kind, Everyone)).Put(entry);
    }
}
