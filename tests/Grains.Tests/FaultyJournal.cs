using System.Collections.Concurrent;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// Journals in memory with the same version check as the real backends, that a test can make
/// fail every n-th append of one journal, hold its appends at a gate, read, or append to as
/// another activation would. <see cref="Over"/> puts the same faults in front of a real backend's
/// journals instead, so a scenario crashes the same way on PostgreSQL or Azure Storage.
/// </summary>
public sealed class FaultyJournal : IJournalStorage
{
    private IJournalStorage? _backend;
    private readonly ConcurrentDictionary<string, Stored> _journals = new();
    private readonly ConcurrentDictionary<string, Fault> _faults = new();

    private sealed class Stored
    {
        public long SnapshotSequence;
        public byte[]? Snapshot;
        public long Last;
        public readonly List<JournalRecord> Records = [];
    }

    private sealed class Fault
    {
        public int FailEvery;
        public int Appends;
        public TaskCompletionSource Gate = Open();
        public int Waiting;
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private Fault For(string journal) => _faults.GetOrAdd(journal, _ => new Fault());

    private Stored Of(string journal) => _journals.GetOrAdd(journal, _ => new Stored());

    /// <summary>Stores through <paramref name="backend"/> (one silo's) instead of memory; the faults and gates stay in front of it.</summary>
    public FaultyJournal Over(IJournalStorage backend)
    {
        _backend = backend;
        return this;
    }

    public void FailEveryNthAppend(string journal, int n) => For(journal).FailEvery = n;

    public int AppendsOf(string journal) => Volatile.Read(ref For(journal).Appends);

    public int WaitingAtGate(string journal) => Volatile.Read(ref For(journal).Waiting);

    public void CloseGate(string journal) => For(journal).Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenGate(string journal) => For(journal).Gate.TrySetResult();

    /// <summary>What storage holds now, as an activation would read it.</summary>
    public JournalContents Contents(string journal)
    {
        if (_backend is not null) throw new InvalidOperationException("Only the memory journals are read synchronously; read the backend with Read.");
        var stored = Of(journal);
        lock (stored) return new JournalContents(stored.SnapshotSequence, stored.Snapshot, [.. stored.Records]);
    }

    /// <summary>Appends as another activation that read the journal first would: the next sequence, past the gate and faults.</summary>
    public long AppendAsAnotherActivation(string journal, byte[] record)
    {
        if (_backend is not null) throw new InvalidOperationException("Only the memory journals take appends past the faults.");
        var stored = Of(journal);
        lock (stored)
        {
            stored.Last++;
            stored.Records.Add(new JournalRecord(stored.Last, record));
            return stored.Last;
        }
    }

    public Task<JournalContents> Read(string journal) => _backend?.Read(journal) ?? Task.FromResult(Contents(journal));

    public async Task Append(string journal, long sequence, byte[] record)
    {
        var fault = For(journal);
        Interlocked.Increment(ref fault.Waiting);
        try
        {
            await fault.Gate.Task;
        }
        finally
        {
            Interlocked.Decrement(ref fault.Waiting);
        }
        await Task.Yield();
        var appends = Interlocked.Increment(ref fault.Appends);
        if (fault.FailEvery > 0 && appends % fault.FailEvery == 0) throw new IOException($"Injected failure of append {appends}.");
        if (_backend is not null)
        {
            await _backend.Append(journal, sequence, record);
            return;
        }

        var stored = Of(journal);
        lock (stored)
        {
            if (stored.Last != sequence - 1) throw new JournalConflictException(journal, sequence);
            stored.Records.Add(new JournalRecord(sequence, record));
            stored.Last = sequence;
        }
    }

    public async Task WriteSnapshot(string journal, long sequence, byte[] snapshot)
    {
        if (_backend is not null)
        {
            await _backend.WriteSnapshot(journal, sequence, snapshot);
            return;
        }
        await Task.Yield();
        var stored = Of(journal);
        lock (stored)
        {
            if (sequence <= stored.SnapshotSequence || sequence > stored.Last) return;
            stored.Snapshot = snapshot;
            stored.SnapshotSequence = sequence;
            stored.Records.RemoveAll(r => r.Sequence <= sequence);
        }
    }
}
