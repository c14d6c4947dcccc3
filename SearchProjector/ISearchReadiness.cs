namespace TicketMaster.SearchProjector;

/// <summary>For <c>/readyz</c>: the index has caught up with every catalog shard since start.</summary>
public interface ISearchReadiness
{
    bool IsCaughtUp { get; }

    /// <summary>Completes when <see cref="IsCaughtUp"/> becomes true.</summary>
    Task CaughtUp { get; }
}
