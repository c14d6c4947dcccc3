namespace TicketMaster.Catalog;

/// <summary>One venue (key: venue id).</summary>
[Alias("IVenueGrain")]
public interface IVenueGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the venue.</summary>
    [Alias("Save")]
    Task Save(Venue venue);

    /// <summary>The venue, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<Venue?> Get();
}
