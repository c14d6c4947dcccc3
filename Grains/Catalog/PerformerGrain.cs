using TicketMaster.Catalog;

namespace TicketMaster.Grains.Catalog;

public sealed class PerformerGrain(
    [PersistentState("performer", StorageNames.Grains)] IPersistentState<PerformerState> state) : Grain, IPerformerGrain
{
    public async Task Save(Performer performer, string owner = "")
    {
        // The creator owns it for good: a later save (an admin's) does not move it.
        if (state.State.Performer is null) state.State.Owner = owner;
        state.State.Performer = performer;
        await state.WriteStateAsync();
        await CatalogIndex.Publish(GrainFactory, new PerformerEntry(performer.PerformerId, performer.Name, state.State.Owner, performer.Genre));
    }

    public Task<Performer?> Get()
    {
        // Unknown ids (made up by clients) leave no activation behind.
        if (state.State.Performer is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Performer);
    }

    public Task<string?> GetOwner()
    {
        if (state.State.Performer is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Performer is null ? null : state.State.Owner);
    }
}

[GenerateSerializer, Alias("PerformerState")]
public sealed class PerformerState
{
    [Id(0)] public Performer? Performer { get; set; }

    /// <summary>The user id of its creator; "" for performers made before owners were recorded.</summary>
    [Id(1)] public string Owner { get; set; } = "";
}
