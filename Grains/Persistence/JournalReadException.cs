namespace TicketMaster.Grains.Persistence;

/// <summary>A stored record or snapshot that cannot be read: the activation stops rather than skip it.</summary>
public sealed class JournalReadException(string journal, long sequence, Exception inner)
    : Exception($"Journal '{journal}': the record at sequence {sequence} cannot be read; refusing to activate on a partial history.", inner)
{
    public string Journal { get; } = journal;

    public long Sequence { get; } = sequence;
}
