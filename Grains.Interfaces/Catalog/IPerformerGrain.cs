namespace TicketMaster.Catalog;

/// <summary>One performer (key: performer id).</summary>
[Alias("IPerformerGrain")]
public interface IPerformerGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the performer.</summary>
    [Alias("Save")]
    Task Save(Performer performer);

    /// <summary>The performer, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<Performer?> Get();
}
