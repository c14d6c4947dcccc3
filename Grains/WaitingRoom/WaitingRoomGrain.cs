using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// First come, first served at a fixed rate. Admission is a function of time (credit accrues at
/// the rate), evaluated whenever anyone looks and by a timer; joins are made durable by group
/// commit so a burst of fans costs one write per batch, not one per fan.
/// </summary>
[Reentrant]
public sealed class WaitingRoomGrain(
    [PersistentState("room", StorageNames.Grains)] IPersistentState<WaitingRoomState> state,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    AdmissionTokens tokens,
    IOptions<WaitingRoomOptions> options) : Grain, IWaitingRoomGrain
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private GroupCommit? _commits;
    private IGrainTimer? _admitter;

    // As in the event grain: memory moves on while a copy is written; state.State is what storage holds.
    private WaitingRoomState Room { get; set; } = new();

    private string EventId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits = new GroupCommit(WriteSnapshot, _ => Load(state.State));
        Load(state.State);
        if (Room.Active) StartAdmitting();
        return Task.CompletedTask;
    }

    private void Load(WaitingRoomState stored)
    {
        Room = stored.Clone();
        _positions.Clear();
        for (var i = 0; i < Room.Queue.Count; i++) _positions[Room.Queue[i]] = i;
    }

    private async Task WriteSnapshot()
    {
        var snapshot = Room.Clone();
        var previous = state.State;
        state.State = snapshot;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }

    public async Task<bool> Configure(bool active, double admitPerSecond)
    {
        if (!await GrainFactory.GetGrain<IEventGrain>(EventId).SetQueueActive(active)) return false;
        Advance();
        if (active && !Room.Active) Room.LastAdmission = time.GetUtcNow();
        Room.Active = active;
        Room.AdmitPerSecond = admitPerSecond;
        if (active) StartAdmitting(); else StopAdmitting();
        await Durable();
        return true;
    }

    public async Task<JoinResult> Join(string userId)
    {
        if (!Room.Active) return new JoinResult(JoinStatus.NotActive);
        Advance();
        if (!_positions.TryGetValue(userId, out var index))
        {
            index = Room.Queue.Count;
            Room.Queue.Add(userId);
            _positions[userId] = index;
            GrainMetrics.QueueJoins.Add(1);
        }
        await Durable();
        return new JoinResult(JoinStatus.Joined, tokens.Ticket(EventId, userId), Math.Max(0, index - Room.Admitted + 1));
    }

    public async Task<QueueStatus?> GetStatus(string userId, string ticket)
    {
        if (!_positions.TryGetValue(userId, out var index) || ticket != tokens.Ticket(EventId, userId)) return null;
        if (Advance()) await Durable();
        if (index >= Room.Admitted)
        {
            return new QueueStatus(Room.SoldOut ? QueueState.SoldOut : QueueState.Waiting, index - Room.Admitted + 1);
        }
        var admittedAt = Room.Batches.First(b => b.UpTo > index).At;
        var expiresAt = admittedAt + options.Value.AdmissionWindow;
        if (time.GetUtcNow() >= expiresAt) return new QueueStatus(QueueState.Expired, 0, null, expiresAt);
        return new QueueStatus(QueueState.Admitted, 0, tokens.Issue(EventId, userId, expiresAt), expiresAt);
    }

    public async Task SetSoldOut(bool soldOut)
    {
        if (Room.SoldOut == soldOut) return;
        Room.SoldOut = soldOut;
        await Durable();
    }

    /// <summary>Lets in as many as the time since the last admission pays for; true when anyone got in.</summary>
    private bool Advance()
    {
        var now = time.GetUtcNow();
        if (!Room.Active || Room.SoldOut || now <= Room.LastAdmission)
        {
            return false;
        }
        var waiting = Room.Queue.Count - Room.Admitted;
        var accrued = Room.Credit + (now - Room.LastAdmission).TotalSeconds * Room.AdmitPerSecond;
        var admit = (int)Math.Min(Math.Floor(accrued), waiting);
        // An idle room saves up at most one second of admissions, so a lull is no burst later.
        Room.Credit = Math.Min(accrued - admit, Math.Max(1, Room.AdmitPerSecond));
        Room.LastAdmission = now;
        if (admit == 0) return false;
        Room.Admitted += admit;
        GrainMetrics.QueueAdmissions.Add(admit);
        Room.Batches.Add(new AdmissionBatch(Room.Admitted, now));
        return true;
    }

    private Task Durable() => _commits!.Commit();

    private void StartAdmitting() =>
        _admitter ??= this.RegisterGrainTimer(async _ => { if (Advance()) await Durable(); },
            new GrainTimerCreationOptions { DueTime = options.Value.AdmitPeriod, Period = options.Value.AdmitPeriod });

    private void StopAdmitting()
    {
        _admitter?.Dispose();
        _admitter = null;
    }
}
