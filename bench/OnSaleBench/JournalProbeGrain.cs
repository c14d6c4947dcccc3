namespace TicketMaster.Bench.OnSale;

public sealed class JournalProbeGrain(
    [PersistentState("journal", StorageNames.SeatMaps)] IPersistentState<JournalSegment> state) : Grain, IJournalProbeGrain
{
    // A journal writes a bounded segment; a snapshot every SegmentSize events starts the next one.
    private const int SegmentSize = 64;

    public async Task Append(SeatEvent seatEvent)
    {
        if (state.State.Events.Count == SegmentSize) state.State.Events.Clear();
        state.State.Events.Add(seatEvent);
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("JournalSegment")]
public sealed class JournalSegment
{
    [Id(0)] public List<SeatEvent> Events { get; set; } = [];
}
