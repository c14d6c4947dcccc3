namespace TicketMaster.Grains.Persistence;

/// <summary>
/// Append-only journals with snapshots, one per name (an event's seat changes, a waiting-room
/// shard's joins). An append names the sequence it creates and storage refuses it unless the
/// journal ends just before it, so an activation that fell behind another can never write: the
/// journal's equivalent of an ETag check. One implementation per storage backend.
/// </summary>
public interface IJournalStorage
{
    /// <summary>The newest snapshot and every record after it, in sequence order.</summary>
    Task<JournalContents> Read(string journal);

    /// <summary>
    /// Stores <paramref name="record"/> as <paramref name="sequence"/>, atomically; throws
    /// <see cref="JournalConflictException"/> unless the journal's last sequence is <c>sequence - 1</c>.
    /// </summary>
    Task Append(string journal, long sequence, byte[] record);

    /// <summary>
    /// Stores the state as of <paramref name="sequence"/> unless a snapshot at least as new is
    /// stored, then drops the records it covers. Only call it for a sequence this caller appended.
    /// </summary>
    Task WriteSnapshot(string journal, long sequence, byte[] snapshot);
}
