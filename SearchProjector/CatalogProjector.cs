using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Feeds this process's search replica from the catalog shards (docs/architecture.md, "Search"): the streams
/// make it fast, the periodic pull of every shard's log makes it right. Applying is idempotent by
/// version, so the two paths may deliver the same change in any order.
/// </summary>
public sealed partial class CatalogProjector(
    IClusterClient client,
    ISearchIndex index,
    SearchReadiness readiness,
    IOptions<SearchOptions> options,
    TimeProvider time,
    ILogger<CatalogProjector> logger) : BackgroundService
{
    private readonly SearchOptions _options = options.Value;

    /// <summary>Serialises checkpoint moves: the stream may only advance one it continues without a gap.</summary>
    private readonly Lock _checkpointLock = new();
    private readonly List<StreamSubscriptionHandle<CatalogChange>> _subscriptions = [];
    private bool _subscribed;
    private bool _stopped;
    private bool _streamMissing;
    private volatile bool _opened;
    private DateTimeOffset _lastCommit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _lastCommit = time.GetUtcNow();
        using var timer = new PeriodicTimer(_options.PullInterval, time);
        var opened = false;
        do
        {
            // A network index may be down at start: opening is retried every tick, and nothing is applied before it.
            opened = opened || await Open(stoppingToken);
            if (!opened)
            {
                readiness.MarkPull(false, time.GetUtcNow());
                continue;
            }
            // Subscribe before pulling: a change pushed between the two is then seen by one or the other.
            if (_options.UseStream && !_subscribed && !_streamMissing) await Subscribe();
            var complete = await PullAll(stoppingToken);
            readiness.MarkPull(complete, time.GetUtcNow());
            if (complete && !readiness.IsCaughtUp)
            {
                if (await Commit(stoppingToken))
                {
                    readiness.MarkCaughtUp();
                    LogCaughtUp(logger);
                }
            }
            else if (time.GetUtcNow() - _lastCommit >= _options.CommitInterval)
            {
                await Commit(stoppingToken);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    private async Task<bool> Open(CancellationToken cancellationToken)
    {
        try
        {
            await index.OpenAsync(cancellationToken);
            _opened = true;
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogOpenFailed(logger, e);
            return false;
        }
    }

    private async Task<bool> Commit(CancellationToken cancellationToken)
    {
        try
        {
            await index.CommitAsync(cancellationToken);
            _lastCommit = time.GetUtcNow();
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogCommitFailed(logger, e);
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A subscription may still be landing from a start that was cut short: take the list as it is now.
        StreamSubscriptionHandle<CatalogChange>[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
            _stopped = true;
        }
        foreach (var subscription in subscriptions)
        {
            try
            {
                await subscription.UnsubscribeAsync();
            }
            catch (Exception e)
            {
                LogUnsubscribeFailed(logger, e);
            }
        }
        if (_opened) await Commit(cancellationToken);
    }

    /// <summary>Pulls every shard to its end; false when a shard could not be reached (the next tick retries it).</summary>
    private async Task<bool> PullAll(CancellationToken cancellationToken)
    {
        var complete = true;
        for (var shard = 0; shard < CatalogShards.Count; shard++)
        {
            try
            {
                await Pull(shard, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                complete = false;
                LogPullFailed(logger, e, shard);
            }
        }
        return complete;
    }

    private async Task Pull(int shard, CancellationToken cancellationToken)
    {
        var grain = client.GetGrain<ICatalogShardGrain>(shard);
        var batch = Math.Max(1, _options.PullBatchSize);
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await grain.GetChanges(index.GetCheckpoint(shard), batch);
            if (page.Changes.Count > 0)
            {
                await index.ApplyAsync([.. page.Changes.Select(c => c.Document)], cancellationToken);
            }
            // A short page holds everything after the checkpoint, so the log's end is reached even when its last entries were compacted away.
            var last = page.Changes.Count < batch ? page.LastSequence : page.Changes[^1].Sequence;
            lock (_checkpointLock) index.AdvanceCheckpoint(shard, last);
            if (page.Changes.Count < batch) return;
        }
    }

    private int SubscribedCount()
    {
        lock (_subscriptions) return _subscriptions.Count;
    }

    private async Task Subscribe()
    {
        try
        {
            var provider = client.GetStreamProvider(StorageNames.Streams);
            for (var shard = SubscribedCount(); shard < CatalogShards.Count; shard++)
            {
                var stream = provider.GetStream<CatalogChange>(StreamId.Create(CatalogShards.StreamNamespace, shard));
                var handle = await stream.SubscribeAsync(OnChange);
                lock (_subscriptions)
                {
                    if (_stopped)
                    {
                        _ = handle.UnsubscribeAsync();
                        return;
                    }
                    _subscriptions.Add(handle);
                }
            }
            _subscribed = true;
        }
        catch (KeyNotFoundException e)
        {
            // This host has no catalog stream provider (an Orleans client configured without it): retrying cannot help.
            _streamMissing = true;
            LogNoStreamProvider(logger, e, StorageNames.Streams);
        }
        catch (Exception e)
        {
            LogSubscribeFailed(logger, e);
        }
    }

    private async Task OnChange(CatalogChange change, StreamSequenceToken? token)
    {
        try
        {
            await index.ApplyAsync([change.Document]);
        }
        catch (Exception e)
        {
            // The pull delivers it again: the checkpoint has not moved past it.
            LogStreamApplyFailed(logger, e, change.Shard, change.Sequence);
            return;
        }
        lock (_checkpointLock)
        {
            // Only a change right after the checkpoint moves it: anything else may have a lost message before it.
            if (index.GetCheckpoint(change.Shard) == change.Sequence - 1) index.AdvanceCheckpoint(change.Shard, change.Sequence);
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index caught up with every catalog shard")]
    private static partial void LogCaughtUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening the search index failed; the next tick retries")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing the search index failed; the next commit retries")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying change {Sequence} of catalog shard {Shard} from the stream failed; the pull delivers it")]
    private static partial void LogStreamApplyFailed(ILogger logger, Exception exception, int shard, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulling catalog shard {Shard} failed; the next pull retries")]
    private static partial void LogPullFailed(ILogger logger, Exception exception, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the catalog streams failed; the pull alone feeds search until the next try")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No stream provider '{Provider}' in this process; search is fed by the pull alone")]
    private static partial void LogNoStreamProvider(ILogger logger, Exception exception, string provider);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from a catalog stream failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
