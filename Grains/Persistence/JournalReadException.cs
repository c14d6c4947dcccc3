namespace TicketMaster.Grains.Persistence;

/// <summary>A stored record or snapshot that cannot be read: the activation stops rather than skip it.</summary>
[GenerateSerializer, Alias("JournalReadException")]
public sealed class JournalReadException : Exception
{
    public JournalReadException() { }

    public JournalReadException(string journal, long sequence, Exception inner)
        : base($"Journal '{journal}': the record at sequence {sequence} cannot be read ({inner.Message}); refusing to activate on a partial history.", inner)
    {
        Journal = journal;
        Sequence = sequence;
    }

    [Id(0)] public string Journal { get; init; } = "";

    [Id(1)] public long Sequence { get; init; }
}
