namespace TicketMaster.SearchProjector;

/// <summary>For <c>/readyz</c>: the index has caught up with every catalog shard since start, and keeps up.</summary>
public interface ISearchReadiness
{
    bool IsCaughtUp { get; }

    /// <summary>Completes when <see cref="IsCaughtUp"/> becomes true.</summary>
    Task CaughtUp { get; }

    /// <summary>
    /// Since when pulls have not reached the end of every shard (a shard or the index failing); null while the
    /// last pull did. The projector's lag is the time since.
    /// </summary>
    DateTimeOffset? BehindSince { get; }
}
