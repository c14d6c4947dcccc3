namespace TicketMaster.Grains;

/// <summary>
/// Group commit for a reentrant grain: each caller changes memory in its own turn and then awaits
/// <see cref="Commit"/>, which resolves once a write that includes the change is durable. One write
/// is in flight at a time; everything changed meanwhile rides on the next one, so a hot grain
/// makes one storage round trip per batch instead of one per call (docs/architecture.md, "Throughput").
/// A failed write fails its batch and the batch queued behind it (their changes were made on
/// top of the failed one), after <c>rollBack</c> has put memory back to what storage holds.
/// </summary>
public sealed class GroupCommit(Func<Task> write, Action<Exception> rollBack)
{
    private TaskCompletionSource? _pending;
    private bool _running;

    /// <summary>Writes that completed, for tests and metrics.</summary>
    public long Writes { get; private set; }

    /// <summary>Calls that were made durable, for tests and metrics.</summary>
    public long Commits { get; private set; }

    private int _batchSize;

    public Task Commit()
    {
        _pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _batchSize++;
        var durable = _pending.Task;
        if (!_running) _ = Pump();
        return durable;
    }

    private async Task Pump()
    {
        _running = true;
        try
        {
            while (_pending is { } batch)
            {
                var size = _batchSize;
                _pending = null;
                _batchSize = 0;
                try
                {
                    // write() snapshots memory before its first await: later changes join the next batch.
                    await write();
                    Writes++;
                    Commits += size;
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    var behind = _pending;
                    _pending = null;
                    _batchSize = 0;
                    rollBack(e);
                    batch.SetException(e);
                    behind?.SetException(e);
                }
            }
        }
        finally
        {
            _running = false;
        }
    }
}
