using TicketMaster.Grains.Persistence;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The memory backend's journals, which a test can stop as if their database were down: every read and write throws until started again.</summary>
public sealed class StoppableJournals : IJournalStorage
{
    private IJournalStorage? _inner;
    private volatile bool _stopped;

    public StoppableJournals Over(IJournalStorage inner)
    {
        _inner = inner;
        return this;
    }

    public void Stop() => _stopped = true;

    public void Start() => _stopped = false;

    public Task<JournalContents> Read(string journal) => Inner().Read(journal);

    public Task Append(string journal, long sequence, byte[] record) => Inner().Append(journal, sequence, record);

    public Task WriteSnapshot(string journal, long sequence, byte[] snapshot) => Inner().WriteSnapshot(journal, sequence, snapshot);

    private IJournalStorage Inner() =>
        _stopped ? throw new IOException("The journal storage is stopped.") : _inner ?? throw new InvalidOperationException("No storage under these journals.");
}
