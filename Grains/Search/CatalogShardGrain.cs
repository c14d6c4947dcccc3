using Microsoft.Extensions.Logging;
using Orleans.Streams;
using TicketMaster.Grains.Persistence;
using TicketMaster.Search;

namespace TicketMaster.Grains.Search;

/// <summary>
/// The durable change log of one catalog shard (docs/architecture.md, "Search"). Not reentrant: assigning a
/// sequence, writing it and pushing it happen in one call, so sequences reach storage in order.
/// </summary>
public sealed partial class CatalogShardGrain(
    [PersistentState("shard", StorageNames.Grains)] IPersistentState<CatalogShardState> state,
    ILogger<CatalogShardGrain> logger) : Grain, ICatalogShardGrain
{
    /// <summary>The log ordered by sequence, rebuilt from the compacted state on activation.</summary>
    private readonly SortedList<long, CatalogChange> _log = [];

    private GrainPersistence _persistence = null!;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _persistence = new GrainPersistence($"catalog shard {Shard}", state.WriteStateAsync, DeactivateOnIdle, logger);
        foreach (var change in state.State.Latest.Values)
        {
            _log.Add(change.Sequence, change);
        }
        return Task.CompletedTask;
    }

    public async Task Append(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _persistence.EnsureCurrent();
        var latest = state.State.Latest;
        latest.TryGetValue(document.EventId, out var previous);
        if (previous is not null && document.Version <= previous.Document.Version) return;

        var change = new CatalogChange(Shard, state.State.LastSequence + 1, document);
        state.State.LastSequence = change.Sequence;
        latest[document.EventId] = change;
        // A failed write deactivates this shard: the next activation loads what storage holds.
        await _persistence.Durable();

        if (previous is not null) _log.Remove(previous.Sequence);
        _log.Add(change.Sequence, change);
        await Push(change);
    }

    public Task<CatalogChangePage> GetChanges(long afterSequence, int maxCount)
    {
        _persistence.EnsureCurrent();
        var count = Math.Clamp(maxCount, 1, 10_000);
        var keys = _log.Keys;
        var changes = new List<CatalogChange>(Math.Min(count, _log.Count));
        for (var i = FirstAfter(keys, afterSequence); i < keys.Count && changes.Count < count; i++)
        {
            changes.Add(_log.Values[i]);
        }
        return Task.FromResult(new CatalogChangePage(Shard, changes, state.State.LastSequence));
    }

    private static int FirstAfter(IList<long> keys, long afterSequence)
    {
        var low = 0;
        var high = keys.Count;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (keys[mid] <= afterSequence) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The fast path only: a lost push is repaired by the replicas' periodic pull.</summary>
    private async Task Push(CatalogChange change)
    {
        try
        {
            var stream = this.GetStreamProvider(StorageNames.Streams)
                .GetStream<CatalogChange>(StreamId.Create(CatalogShards.StreamNamespace, Shard));
            await stream.OnNextAsync(change);
        }
        catch (Exception e)
        {
            LogPushFailed(logger, e, Shard, change.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog shard {Shard}: pushing change {Sequence} on the stream failed; replicas will pull it")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, int shard, long sequence);
}
