using Orleans.Storage;

namespace TicketMaster.Grains.Persistence;

/// <summary>
/// The journal moved past the sequence this activation expected: another activation wrote it.
/// An <see cref="InconsistentStateException"/>, so it is handled exactly as a stale ETag.
/// </summary>
[GenerateSerializer, Alias("JournalConflictException")]
public sealed class JournalConflictException : InconsistentStateException
{
    public JournalConflictException() { }

    public JournalConflictException(string journal, long sequence)
        : base($"Journal '{journal}' already holds sequence {sequence} or has moved past it; this activation is stale.") { }
}
