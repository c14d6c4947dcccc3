using TicketMaster.Catalog;

namespace TicketMaster.Grains.Catalog;

public sealed class VenueGrain(
    [PersistentState("venue", StorageNames.Grains)] IPersistentState<VenueState> state) : Grain, IVenueGrain
{
    public async Task Save(Venue venue, string owner = "")
    {
        // The creator owns it for good: a later save (an admin's) does not move it.
        if (state.State.Venue is null) state.State.Owner = owner;
        state.State.Venue = venue;
        await state.WriteStateAsync();
        await CatalogIndex.Publish(GrainFactory, new VenueEntry(venue.VenueId, venue.Name, state.State.Owner, venue.City, venue.Sections.Sum(s => s.SeatCount)));
    }

    public Task<Venue?> Get()
    {
        // Unknown ids (made up by clients) leave no activation behind.
        if (state.State.Venue is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Venue);
    }

    public Task<string?> GetOwner()
    {
        if (state.State.Venue is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Venue is null ? null : state.State.Owner);
    }
}

[GenerateSerializer, Alias("VenueState")]
public sealed class VenueState
{
    [Id(0)] public Venue? Venue { get; set; }

    /// <summary>The user id of its creator; "" for venues made before owners were recorded.</summary>
    [Id(1)] public string Owner { get; set; } = "";
}
