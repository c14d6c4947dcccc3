using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace TicketMaster.Grains.Persistence;

/// <summary>
/// A grain's journal: load (newest snapshot, then a replay of the records after it), append one
/// record per batch with the expected sequence, and a snapshot every so many changes or bytes so
/// activation stays short. What a write costs is the batch's record, never the whole state.
/// </summary>
public sealed partial class Journal<TState, TRecord>(
    IJournalStorage storage,
    Serializer serializer,
    JournalOptions options,
    string name,
    string kind,
    ILogger logger)
    where TState : class
    where TRecord : class, IJournalBatch
{
    private long _changesSinceSnapshot;
    private long _bytesSinceSnapshot;
    private bool _snapshotting;

    public string Name => name;

    /// <summary>The last sequence this activation knows to be durable.</summary>
    public long Sequence { get; private set; }

    /// <summary>
    /// Reads the journal: <paramref name="restore"/> gets the snapshot (null when none), then
    /// <paramref name="apply"/> each record after it, in order. A record that cannot be read stops
    /// the load with its sequence: an event never activates on part of its history.
    /// </summary>
    public async Task Load(Action<TState?> restore, Action<TRecord> apply)
    {
        var contents = await storage.Read(name);
        TState? snapshot = null;
        if (contents.Snapshot is { } bytes)
        {
            try
            {
                snapshot = serializer.Deserialize<TState>(bytes);
            }
            catch (Exception e)
            {
                throw new JournalReadException(name, contents.SnapshotSequence, e);
            }
        }
        restore(snapshot);
        foreach (var record in contents.Records)
        {
            TRecord decoded;
            try
            {
                decoded = serializer.Deserialize<TRecord>(record.Data) ?? throw new InvalidDataException("An empty record.");
            }
            catch (Exception e)
            {
                throw new JournalReadException(name, record.Sequence, e);
            }
            apply(decoded);
            _bytesSinceSnapshot += record.Data.Length;
            _changesSinceSnapshot += decoded.ChangeCount;
        }
        Sequence = contents.LastSequence;
    }

    /// <summary>
    /// Appends <paramref name="record"/> as the next sequence. When a snapshot is due, the state
    /// must be given as it will be once this record is durable (<paramref name="stateAfter"/> is
    /// called before the first await, so memory that moves on meanwhile is not in it).
    /// </summary>
    public async Task Append(TRecord record, Func<TState> stateAfter)
    {
        var changes = record.ChangeCount;
        var bytes = serializer.SerializeToArray(record);
        var snapshot = SnapshotDue(changes, bytes.Length) ? serializer.SerializeToArray(stateAfter()) : null;
        var sequence = Sequence + 1;
        await storage.Append(name, sequence, bytes);
        Sequence = sequence;
        _changesSinceSnapshot += changes;
        _bytesSinceSnapshot += bytes.Length;
        var tag = new KeyValuePair<string, object?>("journal", kind);
        GrainMetrics.JournalAppends.Add(1, tag);
        GrainMetrics.JournalBytes.Add(bytes.Length, tag);
        if (snapshot is not null) _ = WriteSnapshot(sequence, snapshot, _changesSinceSnapshot, _bytesSinceSnapshot);
    }

    private bool SnapshotDue(int changes, int bytes) =>
        !_snapshotting
        && (_changesSinceSnapshot + changes >= options.SnapshotChanges || _bytesSinceSnapshot + bytes >= options.SnapshotBytes);

    /// <summary>
    /// Off the callers' path: a failed snapshot costs a longer replay, never a sale, and is tried again later.
    /// It covers the counts up to <paramref name="sequence"/>; appends made while it is written still count toward the next.
    /// </summary>
    private async Task WriteSnapshot(long sequence, byte[] snapshot, long coveredChanges, long coveredBytes)
    {
        _snapshotting = true;
        try
        {
            await storage.WriteSnapshot(name, sequence, snapshot);
            _changesSinceSnapshot -= coveredChanges;
            _bytesSinceSnapshot -= coveredBytes;
            GrainMetrics.JournalSnapshots.Add(1, new KeyValuePair<string, object?>("journal", kind));
        }
        catch (Exception e)
        {
            LogSnapshotFailed(logger, e, name, sequence);
        }
        finally
        {
            _snapshotting = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {Journal}: the snapshot at sequence {Sequence} was not written; the next one is tried later")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string journal, long sequence);
}
