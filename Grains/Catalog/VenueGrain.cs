using TicketMaster.Catalog;

namespace TicketMaster.Grains.Catalog;

public sealed class VenueGrain(
    [PersistentState("venue", StorageNames.Grains)] IPersistentState<VenueState> state) : Grain, IVenueGrain
{
    public async Task Save(Venue venue)
    {
        state.State.Venue = venue;
        await state.WriteStateAsync();
    }

    public Task<Venue?> Get()
    {
        // Unknown ids (made up by clients) leave no activation behind.
        if (state.State.Venue is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Venue);
    }
}

[GenerateSerializer, Alias("VenueState")]
public sealed class VenueState
{
    [Id(0)] public Venue? Venue { get; set; }
}
