using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Grains.Persistence;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// One join shard of a waiting room. A join takes the next index in its own turn and awaits a
/// group commit that appends the batch's fans (8 bytes each) to the shard's journal, so a join
/// costs the same whether the queue holds ten fans or ten million. The user -> index map is
/// rebuilt from snapshot and journal; the ticket carries the place, so nothing else is stored.
/// </summary>
[Reentrant]
public sealed class QueueShardGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    AdmissionTokens tokens,
    ILogger<QueueShardGrain> logger) : Grain, IQueueShardGrain
{
    private readonly Dictionary<ulong, int> _index = [];

    /// <summary>Joined in memory, not yet in an append: the next batch.</summary>
    private readonly List<ulong> _pending = [];

    // Join stamps as runs: indices from _stampStart[i] on joined at _stampMs[i] (one run per batch at most).
    private readonly List<long> _stampStart = [];
    private readonly List<long> _stampMs = [];

    /// <summary>Fans whose join is durable: indices below this.</summary>
    private long _durable;

    private Journal<QueueShardState, QueueJoinBatch> _journal = null!;
    private GrainPersistence _persistence = null!;
    private string _eventId = "";
    private int _shard;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        _eventId = key[..slash];
        _shard = int.Parse(key[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        _journal = new Journal<QueueShardState, QueueJoinBatch>(journals, serializer, journalOptions.Value, QueueJournal.Shard(key), QueueJournal.Kind, logger);
        _persistence = new GrainPersistence($"waiting-room shard '{key}'", AppendBatch, DeactivateOnIdle, logger);
        try
        {
            await _journal.Load(Restore, Apply);
        }
        catch (Exception e) when (e is not JournalReadException)
        {
            throw new RetryableException($"Loading waiting-room shard '{key}' failed; try again.", e);
        }
    }

    public async Task<QueueJoin> Join(string userId)
    {
        _persistence.EnsureCurrent();
        var user = QueueShards.UserKey(userId);
        if (!_index.TryGetValue(user, out var index))
        {
            index = _index.Count;
            _index.Add(user, index);
            _pending.Add(user);
            GrainMetrics.QueueJoins.Add(1);
            GrainMetrics.QueueWaiting.Add(1);
        }
        // A rejoin still waits until its first join is durable: the ticket promises a durable place.
        if (index >= _durable) await _persistence.Durable();
        var place = new QueuePlace(_shard, index, DateTimeOffset.FromUnixTimeMilliseconds(StampOf(index)));
        return new QueueJoin(tokens.Ticket(_eventId, userId, place), place);
    }

    public async Task<ShardJoins> GetJoins(long afterBucket, TimeSpan period)
    {
        _persistence.EnsureCurrent();
        var closedBefore = QueueShards.Bucket(time.GetUtcNow(), period);
        // Appends already under way may carry stamps before closedBefore; any append after this
        // point is stamped later (stamps are taken when an append starts), so those buckets are final.
        await _persistence.Durable();
        var buckets = new List<long>();
        var ends = new List<long>();
        for (var run = FirstRunAfter(afterBucket, period); run < _stampMs.Count; run++)
        {
            var bucket = QueueShards.Bucket(DateTimeOffset.FromUnixTimeMilliseconds(_stampMs[run]), period);
            if (bucket >= closedBefore) break;
            var end = run + 1 < _stampStart.Count ? _stampStart[run + 1] : _durable;
            if (buckets.Count > 0 && buckets[^1] == bucket) ends[^1] = end;
            else
            {
                buckets.Add(bucket);
                ends.Add(end);
            }
        }
        return new ShardJoins(closedBefore, [.. buckets], [.. ends]);
    }

    public async Task<long?> CountBefore(DateTimeOffset at)
    {
        _persistence.EnsureCurrent();
        if (time.GetUtcNow() < at) return null;
        // As in GetJoins: appends under way may be stamped before it, any later one is not.
        await _persistence.Durable();
        var atMs = at.ToUnixTimeMilliseconds();
        // Stamps never go backwards within a shard, so the fans stamped before it are a prefix.
        int low = 0, high = _stampMs.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_stampMs[mid] < atMs) low = mid + 1; else high = mid;
        }
        return low < _stampStart.Count ? _stampStart[low] : _durable;
    }

    private int FirstRunAfter(long bucket, TimeSpan period)
    {
        int low = 0, high = _stampMs.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (QueueShards.Bucket(DateTimeOffset.FromUnixTimeMilliseconds(_stampMs[mid]), period) > bucket) high = mid; else low = mid + 1;
        }
        return low;
    }

    private long StampOf(long index)
    {
        int low = 0, high = _stampStart.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_stampStart[mid] <= index) low = mid + 1; else high = mid;
        }
        return _stampMs[low - 1];
    }

    /// <summary>The group commit's write: the fans joined since the last append began, stamped now, as one record.</summary>
    private async Task AppendBatch()
    {
        if (_pending.Count == 0) return;
        // Never earlier than the last stamp: a new activation on a slower clock keeps join order and closed buckets.
        var at = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), _stampMs.Count > 0 ? _stampMs[^1] : 0);
        var batch = new QueueJoinBatch(at, [.. _pending]);
        _pending.Clear();
        await _journal.Append(batch, () => SnapshotWith(batch));
        Apply(batch);
    }

    private void Restore(QueueShardState? snapshot)
    {
        if (snapshot is null) return;
        for (var i = 0; i < snapshot.Users.Length; i++) _index[snapshot.Users[i]] = i;
        _stampStart.AddRange(snapshot.StampStart);
        _stampMs.AddRange(snapshot.StampMs);
        _durable = snapshot.Users.Length;
    }

    /// <summary>Makes a batch durable in memory: live after its append, or replayed from the journal (then its fans enter the map too).</summary>
    private void Apply(QueueJoinBatch batch)
    {
        for (var i = 0; i < batch.Users.Length; i++) _index.TryAdd(batch.Users[i], (int)(_durable + i));
        if (_stampMs.Count == 0 || _stampMs[^1] != batch.AtMs)
        {
            _stampStart.Add(_durable);
            _stampMs.Add(batch.AtMs);
        }
        _durable += batch.Users.Length;
    }

    /// <summary>The state once <paramref name="batch"/> is durable; called before the append's first await, when the map holds exactly that.</summary>
    private QueueShardState SnapshotWith(QueueJoinBatch batch)
    {
        var users = new ulong[_index.Count];
        foreach (var (user, index) in _index) users[index] = user;
        var sameRun = _stampMs.Count > 0 && _stampMs[^1] == batch.AtMs;
        return new QueueShardState
        {
            Users = users,
            StampStart = sameRun ? [.. _stampStart] : [.. _stampStart, _durable],
            StampMs = sameRun ? [.. _stampMs] : [.. _stampMs, batch.AtMs],
        };
    }
}
