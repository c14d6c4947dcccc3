namespace TicketMaster.SearchProjector;

public sealed class SearchReadiness : ISearchReadiness
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _behindSinceTicks = -1;

    public bool IsCaughtUp => _caughtUp.Task.IsCompleted;

    public Task CaughtUp => _caughtUp.Task;

    public DateTimeOffset? BehindSince
    {
        get
        {
            var ticks = Interlocked.Read(ref _behindSinceTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void MarkCaughtUp() => _caughtUp.TrySetResult();

    /// <summary>
    /// A pull of every shard ended at <paramref name="at"/>: one that reached every shard's end clears the lag;
    /// one that did not starts it, unless it had started already.
    /// </summary>
    public void MarkPull(bool complete, DateTimeOffset at)
    {
        if (complete) Interlocked.Exchange(ref _behindSinceTicks, -1);
        else Interlocked.CompareExchange(ref _behindSinceTicks, at.UtcTicks, -1);
    }
}
