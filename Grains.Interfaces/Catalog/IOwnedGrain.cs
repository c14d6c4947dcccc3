namespace TicketMaster.Catalog;

/// <summary>A catalog item that belongs to whoever created it: a venue, a performer or an event.</summary>
[Alias("IOwnedGrain")]
public interface IOwnedGrain : IGrainWithStringKey
{
    /// <summary>The user id of its creator ("" when it was made before owners were recorded: admins only); null when it does not exist.</summary>
    [Alias("GetOwner")]
    Task<string?> GetOwner();
}
