namespace TicketMaster.Grains.Persistence;

/// <summary>One journal kept in a grain's memory (key: the journal's name), so every silo of an in-memory cluster sees the same one.</summary>
[Alias("IMemoryJournalGrain")]
public interface IMemoryJournalGrain : IGrainWithStringKey
{
    [Alias("Read")]
    Task<JournalContents> Read();

    /// <summary>False, and nothing stored, unless the journal ends at <c>sequence - 1</c>.</summary>
    [Alias("TryAppend")]
    Task<bool> TryAppend(long sequence, [Immutable] byte[] record);

    [Alias("WriteSnapshot")]
    Task WriteSnapshot(long sequence, [Immutable] byte[] snapshot);
}
