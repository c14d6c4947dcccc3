namespace TicketMaster.Catalog;

/// <summary>One venue (key: venue id).</summary>
[Alias("IVenueGrain")]
public interface IVenueGrain : IOwnedGrain
{
    /// <summary>Creates or replaces the venue; <paramref name="owner"/> (a user id) is recorded when it is created and listed as theirs.</summary>
    [Alias("Save")]
    Task Save(Venue venue, string owner = "");

    /// <summary>The venue, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<Venue?> Get();
}
