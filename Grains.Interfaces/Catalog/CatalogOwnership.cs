namespace TicketMaster.Catalog;

/// <summary>The one rule of who may act on a catalog item: its owner, or an admin.</summary>
public static class CatalogOwnership
{
    public static bool Allows(string owner, string userId, bool isAdmin) =>
        isAdmin || (owner.Length > 0 && string.Equals(owner, userId, StringComparison.Ordinal));
}
