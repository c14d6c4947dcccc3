namespace TicketMaster.Catalog;

/// <summary>One performer (key: performer id).</summary>
[Alias("IPerformerGrain")]
public interface IPerformerGrain : IOwnedGrain
{
    /// <summary>Creates or replaces the performer; <paramref name="owner"/> (a user id) is recorded when it is created and listed as theirs.</summary>
    [Alias("Save")]
    Task Save(Performer performer, string owner = "");

    /// <summary>The performer, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<Performer?> Get();
}
