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

    public Task<Performer?> Get() => Task.FromResult(state.State.Performer);
}

[GenerateSerializer, Alias("PerformerState")]
public sealed class PerformerState
{
    [Id(0)] public Performer? Performer { get; set; }
}
