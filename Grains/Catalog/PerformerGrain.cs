using TicketMaster.Catalog;

namespace TicketMaster.Grains.Catalog;

public sealed class PerformerGrain(
    [PersistentState("performer", StorageNames.Grains)] IPersistentState<PerformerState> state) : Grain, IPerformerGrain
{
    public async Task Save(Performer performer)
    {
        state.State.Performer = performer;
        await state.WriteStateAsync();
    }

    public Task<Performer?> Get()
    {
        // Unknown ids (made up by clients) leave no activation behind.
        if (state.State.Performer is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Performer);
    }
}

[GenerateSerializer, Alias("PerformerState")]
public sealed class PerformerState
{
    [Id(0)] public Performer? Performer { get; set; }
}
