namespace TicketMaster.Grains.Persistence;

/// <summary>The Memory backend: each journal is a <see cref="MemoryJournalGrain"/>.</summary>
public sealed class MemoryJournalStorage(IGrainFactory grains) : IJournalStorage
{
    public Task<JournalContents> Read(string journal) => grains.GetGrain<IMemoryJournalGrain>(journal).Read();

    public async Task Append(string journal, long sequence, byte[] record)
    {
        GrainMetrics.JournalWrites.Add(1, new KeyValuePair<string, object?>("storage", "Memory"));
        if (!await grains.GetGrain<IMemoryJournalGrain>(journal).TryAppend(sequence, record)) throw new JournalConflictException(journal, sequence);
    }

    public Task WriteSnapshot(string journal, long sequence, byte[] snapshot) =>
        grains.GetGrain<IMemoryJournalGrain>(journal).WriteSnapshot(sequence, snapshot);
}
