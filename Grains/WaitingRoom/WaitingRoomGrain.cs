using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Events;
using TicketMaster.Grains.Persistence;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// A waiting room's admissions. Once per admit period (on its timer, or when a frontend asks for
/// watermarks in a new period) it asks every join shard which join-time buckets have closed,
/// admits at the configured rate bucket by bucket across the shards (<see cref="Admission"/>),
/// appends that as one journal record and only then publishes the new watermarks. It never sees
/// a single fan: its work per period is the number of shards, whatever the queue's length.
/// </summary>
[Reentrant]
public sealed partial class WaitingRoomGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<WaitingRoomOptions> options,
    ILogger<WaitingRoomGrain> logger) : Grain, IWaitingRoomGrain
{
    private WaitingRoomState _state = new();
    private readonly List<RoomChange> _pending = [];
    private Journal<WaitingRoomState, RoomBatch> _journal = null!;
    private GrainPersistence _persistence = null!;

    /// <summary>The watermarks as storage holds them: frontends never see an admission that could be rolled back.</summary>
    private QueueWatermarks _published = QueueWatermarks.None;

    private Task? _advancing;
    private IGrainTimer? _timer;
    private IGrainTimer? _drawTimer;

    private string EventId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journal = new Journal<WaitingRoomState, RoomBatch>(journals, serializer, journalOptions.Value, QueueJournal.Room(EventId), QueueJournal.Kind, logger);
        _persistence = new GrainPersistence($"waiting room of '{EventId}'", AppendBatch, DeactivateOnIdle, logger);
        try
        {
            await _journal.Load(Restore, batch => batch.Changes.ForEach(_state.Apply));
        }
        catch (Exception e) when (e is not JournalReadException)
        {
            throw new RetryableException($"Loading the waiting room of '{EventId}' failed; try again.", e);
        }
        _published = _state.Publish();
        if (_state.Active) StartAdmitting();
    }

    public async Task<bool> Configure(bool active, double admitPerSecond)
    {
        _persistence.EnsureCurrent();
        if (!await GrainFactory.GetGrain<IEventGrain>(EventId).SetQueueActive(active)) return false;
        _persistence.EnsureCurrent();
        var settings = options.Value;
        Record(new RoomConfigured(active, admitPerSecond, time.GetUtcNow(), settings.Shards, settings.AdmitPeriod, settings.AdmissionWindow, settings.PreQueue));
        // Frontends learn the on-sale time with the switch, so the pre-queue's opening is enforced from the first join.
        if (active) await Schedule();
        await _persistence.Durable();
        if (active) StartAdmitting(); else StopAdmitting();
        return true;
    }

    public async Task SetSoldOut(bool soldOut)
    {
        _persistence.EnsureCurrent();
        if (_state.SoldOut == soldOut) return;
        Record(new RoomSoldOut(soldOut));
        await _persistence.Durable();
    }

    public async Task<QueueWatermarks> GetWatermarks(long nextRow, long nextStep)
    {
        _persistence.EnsureCurrent();
        // A room never configured holds nothing worth keeping in memory (ids made up by clients land here).
        if (_state.Shards == 0) DeactivateOnIdle();
        if (IsDue()) await Advance();
        return _published.Since(nextRow, nextStep);
    }

    /// <summary>A period has begun since buckets were last closed (there may be fans to close in and admit), or the pre-queue is to be drawn.</summary>
    private bool IsDue()
    {
        var now = time.GetUtcNow();
        return _state.Shards > 0 && (QueueShards.Bucket(now, _state.Period) > _state.ClosedBefore || (_state.OnSaleAt is { } at && _state.Draw is null && now >= at));
    }

    /// <summary>One advance at a time; callers that find one under way wait for it.</summary>
    private Task Advance()
    {
        if (_advancing is { IsCompleted: false } running) return running;
        return _advancing = AdvanceOnce();
    }

    private async Task AdvanceOnce()
    {
        var shards = _state.Shards;
        var after = _state.ClosedBefore - 1;
        var period = _state.Period;
        ShardJoins[] joins;
        try
        {
            joins = await Task.WhenAll(Enumerable.Range(0, shards).Select(s =>
                GrainFactory.GetGrain<IQueueShardGrain>(QueueShards.Key(EventId, s)).GetJoins(after, period)));
        }
        catch (Exception e)
        {
            // A shard that cannot answer keeps its buckets open: admission waits for it rather than skip its fans.
            LogShardsUnavailable(logger, e, EventId);
            return;
        }
        _persistence.EnsureCurrent();
        if (_state.Active) await Schedule();
        if (_state.OnSaleAt is { } onSaleAt && _state.Draw is null && time.GetUtcNow() >= onSaleAt) await DrawPreQueue(onSaleAt);
        _persistence.EnsureCurrent();
        var now = time.GetUtcNow();
        var closedBefore = Math.Max(_state.ClosedBefore, joins.Min(j => j.ClosedBefore));
        var rows = Admission.Rows(joins, _state.ClosedBefore - 1, closedBefore, _state.ClosedEnd);
        var closedEnd = rows.Count > 0 ? rows[^1].End : _state.ClosedEnd;
        var admitted = _state.Admitted;
        var preAdmitted = _state.PreAdmitted;
        var credit = _state.Credit;
        // Holding (before the draw) earns nothing: the first admissions after it are one period's worth.
        if (_state.Holding) credit = 0;
        else if (_state.Active && !_state.SoldOut && now > AccruesFrom())
        {
            var accrued = credit + (now - AccruesFrom()).TotalSeconds * _state.AdmitPerSecond;
            var preWaiting = _state.PreWaiting;
            var admit = (long)Math.Min(Math.Floor(accrued), preWaiting + Admission.Waiting(closedEnd, admitted));
            // An idle room saves up at most one second of admissions, so a lull is no burst later.
            credit = Math.Min(accrued - admit, Math.Max(1, _state.AdmitPerSecond));
            // The drawn pre-queue goes first, in its drawn order; then the later fans by join time.
            var pre = Math.Min(admit, preWaiting);
            preAdmitted += pre;
            admitted = Admission.Admit(_state.Rows.Concat(rows), admitted, admit - pre);
            var newlyAdmitted = pre + Admission.Waiting(admitted, _state.Admitted);
            GrainMetrics.QueueAdmissions.Add(newlyAdmitted);
            GrainMetrics.QueueWaiting.Add(-newlyAdmitted);
        }
        var unchanged = closedBefore == _state.ClosedBefore && rows.Count == 0 && admitted.AsSpan().SequenceEqual(_state.Admitted) && preAdmitted == _state.PreAdmitted;
        if (unchanged && _pending.Count == 0) return;
        if (!unchanged) Record(new RoomAdvanced(now, closedBefore, rows, admitted, credit, preAdmitted));
        await _persistence.Durable();
    }

    /// <summary>
    /// Admissions are earned from the last one; after a draw no earlier than one period before the
    /// on-sale time, so the first fans go in with the draw, one period's worth, and no more.
    /// </summary>
    private DateTimeOffset AccruesFrom() => _state.Draw is { } draw && draw.OnSaleAt - _state.Period > _state.LastAdmission
        ? draw.OnSaleAt - _state.Period
        : _state.LastAdmission;

    /// <summary>
    /// Asks the event for its on-sale time until the pre-queue is drawn or there is none (an event
    /// on sale cannot get one again): one call per admit period, only for rooms that may still draw.
    /// </summary>
    private async Task Schedule()
    {
        if (_state.Draw is not null || (_state.ScheduleKnown && _state.OnSaleAt is null)) return;
        EventView? view;
        try
        {
            view = await GrainFactory.GetGrain<IEventGrain>(EventId).GetView();
        }
        catch (Exception e) when (e is not RetryableException)
        {
            // Not knowing, the room holds: better a period's wait than a draw at the wrong time.
            LogEventUnavailable(logger, e, EventId);
            return;
        }
        _persistence.EnsureCurrent();
        if (_state.Draw is not null) return;
        // Milliseconds, as join stamps are. An on-sale time removed before it came means "on sale
        // now": whoever waited is drawn now rather than let in by arrival.
        DateTimeOffset? onSaleAt = view?.OnSaleAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds())
            : _state.OnSaleAt is not null ? time.GetUtcNow() : null;
        if (!_state.ScheduleKnown || onSaleAt != _state.OnSaleAt) Record(new RoomScheduled(onSaleAt));
    }

    /// <summary>
    /// Draws the pre-queue once every shard's clock has passed the on-sale time: the fans stamped
    /// before it, per shard, and a random seed that orders them (<see cref="PreQueueOrder"/>).
    /// Recorded, not replayed: a restart keeps the same order.
    /// </summary>
    private async Task DrawPreQueue(DateTimeOffset onSaleAt)
    {
        long?[] counts;
        try
        {
            counts = await Task.WhenAll(Enumerable.Range(0, _state.Shards).Select(s =>
                GrainFactory.GetGrain<IQueueShardGrain>(QueueShards.Key(EventId, s)).CountBefore(onSaleAt)));
        }
        catch (Exception e)
        {
            LogShardsUnavailable(logger, e, EventId);
            return;
        }
        _persistence.EnsureCurrent();
        if (_state.Draw is not null || _state.OnSaleAt != onSaleAt || counts.Any(c => c is null)) return;
        // Fans already admitted (a room that admitted before it had a pre-queue) keep their place.
        var from = _state.Admitted.ToArray();
        var to = counts.Select((c, s) => Math.Max(from[s], c!.Value)).ToArray();
        Record(new RoomDrawn(new PreQueueDraw(time.GetUtcNow(), onSaleAt, RandomNumberGenerator.GetBytes(32), from, to)));
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        try
        {
            _persistence.EnsureCurrent();
            if (IsDue()) await Advance();
            ArmDraw();
        }
        catch (RetryableException)
        {
            // This activation is on its way out; the next one admits.
        }
    }

    private void StartAdmitting() =>
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions
        {
            DueTime = _state.Period,
            Period = _state.Period,
        });

    private void StopAdmitting()
    {
        _timer?.Dispose();
        _timer = null;
        _drawTimer?.Dispose();
        _drawTimer = null;
    }

    /// <summary>
    /// Once the on-sale time is less than a period away, a one-off timer due at it, so the draw and
    /// the first admissions come at the on-sale time rather than at the next period's tick.
    /// </summary>
    private void ArmDraw()
    {
        if (_drawTimer is not null || _state.Draw is not null || _state.OnSaleAt is not { } at) return;
        var due = at - time.GetUtcNow();
        if (due > _state.Period) return;
        _drawTimer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions
        {
            DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
        });
    }

    private void Restore(WaitingRoomState? snapshot) => _state = snapshot ?? new WaitingRoomState();

    private void Record(RoomChange change)
    {
        _state.Apply(change);
        _pending.Add(change);
    }

    /// <summary>The group commit's write: this batch's changes as one record; the watermarks they make are published once it is durable.</summary>
    private async Task AppendBatch()
    {
        if (_pending.Count == 0) return;
        var batch = new RoomBatch([.. _pending]);
        _pending.Clear();
        var published = _state.Publish();
        await _journal.Append(batch, () => _state);
        _published = published;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting room of {EventId}: the event did not say its on-sale time; admission waits for it")]
    private static partial void LogEventUnavailable(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting room of {EventId}: a join shard did not answer; admission waits for it")]
    private static partial void LogShardsUnavailable(ILogger logger, Exception exception, string eventId);
}
