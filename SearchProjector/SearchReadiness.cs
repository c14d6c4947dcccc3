namespace TicketMaster.SearchProjector;

public sealed class SearchReadiness : ISearchReadiness
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCaughtUp => _caughtUp.Task.IsCompleted;

    public Task CaughtUp => _caughtUp.Task;

    public void MarkCaughtUp() => _caughtUp.TrySetResult();
}
