using System.Collections.Concurrent;

namespace TicketMaster.WaitingRoom;

/// <summary>
/// The frontend side of the waiting room, one per process. A join is one call to the fan's join
/// shard; a status poll and the admission token are answered from this process's cached copy of
/// the room's watermarks, which it refreshes at most once per admit period and event (one small
/// call, however many fans poll), or sooner when told the room was reconfigured.
/// </summary>
public sealed class WaitingRoomClient(IGrainFactory grains, AdmissionTokens tokens, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Cached> _rooms = new(StringComparer.Ordinal);

    private sealed class Cached
    {
        public WatermarkView? View;
        public Task<WatermarkView>? Refreshing;
    }

    /// <summary>Watermark fetches this process made, for tests and the bench.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    private long _refreshes;

    public async Task<JoinResult> Join(string eventId, string userId)
    {
        var view = await Current(eventId);
        if (!view.Marks.Active) return new JoinResult(JoinStatus.NotActive);
        if (view.Marks.IsBeforePreQueue(time.GetUtcNow()))
        {
            return new JoinResult(JoinStatus.TooEarly, OnSaleAt: view.Marks.OnSaleAt, OpensAt: view.Marks.OnSaleAt - view.Marks.PreQueue);
        }
        var joined = await grains.GetGrain<IQueueShardGrain>(QueueShards.Key(eventId, QueueShards.ShardOf(userId, view.Marks.Shards))).Join(userId);
        // A join stamped just after a bucket boundary needs the bucket before it closed.
        view = await Current(eventId, joined.Place);
        return new JoinResult(JoinStatus.Joined, joined.Ticket, view.PositionOf(joined.Place), view.IsPreQueued(joined.Place), view.OnSaleAt);
    }

    /// <summary>Null unless the ticket was signed for this user and event.</summary>
    public async Task<QueueStatus?> Status(string eventId, string userId, string ticket)
    {
        if (tokens.ReadTicket(ticket, eventId, userId) is not { } place) return null;
        var view = await Current(eventId);
        if (place.Shard >= view.Marks.Shards) return null;
        return view.StatusOf(place, time.GetUtcNow(), expiresAt => tokens.Issue(eventId, userId, expiresAt));
    }

    /// <summary>Drops the cached copy, e.g. after this process reconfigured the room.</summary>
    public void Forget(string eventId) => _rooms.TryRemove(eventId, out _);

    /// <summary>
    /// The cached view, refreshed when it was fetched in an earlier admit period than now. A fan
    /// polls after joining, so the view then covers the bucket the fan joined in: the room closes
    /// every bucket before the one it is asked in, which a position needs.
    /// </summary>
    private async ValueTask<WatermarkView> Current(string eventId, QueuePlace? mustCover = null)
    {
        var room = _rooms.GetOrAdd(eventId, _ => new Cached());
        Task<WatermarkView> refreshing;
        lock (room)
        {
            var view = room.View;
            if (view is not null && !IsStale(view) && (mustCover is null || view.Covers(mustCover))) return view;
            refreshing = room.Refreshing ??= Refresh(eventId, room, view);
        }
        return await refreshing;
    }

    private bool IsStale(WatermarkView view) =>
        QueueShards.Bucket(time.GetUtcNow(), view.Marks.Period) > QueueShards.Bucket(view.FetchedAt, view.Marks.Period);

    private async Task<WatermarkView> Refresh(string eventId, Cached room, WatermarkView? old)
    {
        try
        {
            await Task.Yield();
            Interlocked.Increment(ref _refreshes);
            var fetchedAt = time.GetUtcNow();
            var news = await grains.GetGrain<IWaitingRoomGrain>(eventId).GetWatermarks(old?.NextRow ?? 0, old?.NextStep ?? 0);
            var view = old is null ? WatermarkView.Of(news, fetchedAt) : old.Merge(news, fetchedAt);
            lock (room) room.View = view;
            // A room never configured (most often an id someone made up) is not kept: the cache stays as small as the real rooms.
            if (news.Shards == 0) _rooms.TryRemove(new KeyValuePair<string, Cached>(eventId, room));
            return view;
        }
        finally
        {
            lock (room) room.Refreshing = null;
        }
    }
}
