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

    public Task Commit()
    {
        _pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
                _pending = null;
                try
                {
                    // write() snapshots memory before its first await: later changes join the next batch.
                    await write();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    var behind = _pending;
                    _pending = null;
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
