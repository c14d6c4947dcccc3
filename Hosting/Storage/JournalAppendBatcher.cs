using TicketMaster.Grains.Persistence;

namespace TicketMaster.Hosting;

/// <summary>One append waiting for its round trip.</summary>
public sealed record JournalAppend(string Journal, long Sequence, byte[] Record);

/// <summary>
/// Group commit across journals, for a backend that can write many journals in one statement:
/// appends that arrive while a write is in flight ride on the next one, so a busy silo makes one
/// storage round trip per batch however many journals (an event's, the bookings shards', the
/// ledger's) took part, instead of one per journal. Each append still succeeds or conflicts on
/// its own. A journal is in a batch at most once: every check of a batch sees storage as it was
/// before the batch, so a second append of one journal waits for the next round trip.
/// </summary>
public sealed class JournalAppendBatcher
{
    private readonly Func<IReadOnlyList<JournalAppend>, Task<IReadOnlySet<string>>> _write;
    private readonly int _maxBatch;
    private readonly Lock _lock = new();
    private List<Pending> _queue = [];
    private bool _running;

    /// <param name="write">Writes a batch in one round trip and returns the journals whose append was stored; the others conflicted.</param>
    /// <param name="maxBatch">Most appends one round trip carries, so a statement stays a bounded size.</param>
    public JournalAppendBatcher(Func<IReadOnlyList<JournalAppend>, Task<IReadOnlySet<string>>> write, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _write = write;
        _maxBatch = maxBatch;
    }

    /// <summary>Resolves once the append is durable; throws <see cref="JournalConflictException"/> when the journal did not end just before it.</summary>
    public Task Append(string journal, long sequence, byte[] record)
    {
        var pending = new Pending(new JournalAppend(journal, sequence, record));
        lock (_lock)
        {
            _queue.Add(pending);
            if (_running) return pending.Done.Task;
            _running = true;
        }
        // On the thread pool: the caller runs in a grain's turn, and the writes serve every grain of the silo.
        _ = Task.Run(Pump);
        return pending.Done.Task;
    }

    private async Task Pump()
    {
        while (NextBatch() is { } batch)
        {
            try
            {
                var stored = await _write(batch.ConvertAll(p => p.Append)).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    if (stored.Contains(pending.Append.Journal)) pending.Done.SetResult();
                    else pending.Done.SetException(new JournalConflictException(pending.Append.Journal, pending.Append.Sequence));
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch) pending.Done.SetException(e);
            }
        }
    }

    /// <summary>The oldest appends, one per journal, up to the bound; null (and the pump stops) when nothing waits.</summary>
    private List<Pending>? NextBatch()
    {
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _running = false;
                return null;
            }
            var batch = new List<Pending>(Math.Min(_queue.Count, _maxBatch));
            var journals = new HashSet<string>(StringComparer.Ordinal);
            var rest = new List<Pending>();
            foreach (var pending in _queue)
            {
                if (batch.Count < _maxBatch && journals.Add(pending.Append.Journal)) batch.Add(pending);
                else rest.Add(pending);
            }
            _queue = rest;
            return batch;
        }
    }

    private sealed record Pending(JournalAppend Append)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
