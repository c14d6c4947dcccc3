namespace TicketMaster.Grains.Persistence;

/// <summary>
/// The Memory backend's journal: as durable as the silo it lives on, like Orleans' memory grain
/// storage. Kept from deactivating while it holds anything, since its memory is the storage.
/// </summary>
public sealed class MemoryJournalGrain : Grain, IMemoryJournalGrain
{
    private readonly List<JournalRecord> _records = [];
    private long _snapshotSequence;
    private byte[]? _snapshot;
    private long _last;

    public Task<JournalContents> Read()
    {
        // Nothing stored: nothing to lose by going (reads of made-up ids must not pile up here).
        if (_last == 0) DeactivateOnIdle();
        return Task.FromResult(new JournalContents(_snapshotSequence, _snapshot, _records.ToArray()));
    }

    public Task<bool> TryAppend(long sequence, byte[] record)
    {
        if (sequence != _last + 1) return Task.FromResult(false);
        _records.Add(new JournalRecord(sequence, record));
        _last = sequence;
        DelayDeactivation(TimeSpan.MaxValue);
        return Task.FromResult(true);
    }

    public Task WriteSnapshot(long sequence, byte[] snapshot)
    {
        if (sequence <= _snapshotSequence || sequence > _last) return Task.CompletedTask;
        _snapshot = snapshot;
        _snapshotSequence = sequence;
        _records.RemoveAll(r => r.Sequence <= sequence);
        return Task.CompletedTask;
    }
}
