using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;
using TicketMaster.Events;
using TicketMaster.Grains.WaitingRoom;
using TicketMaster.Search;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The seat map's single writer. Every call checks and changes seats synchronously in its own
/// turn (no await between "is it free?" and "now it is held"), then awaits a group commit and
/// answers only once its change is durable. Reentrant only so that callers can wait for the
/// same write together and reads never queue behind writes (DESIGN.md, "one grain per event").
/// </summary>
[Reentrant]
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.SeatMaps)] IPersistentState<EventState> state,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<BookingOptions> options,
    AdmissionTokens admissions,
    ILogger<EventGrain> logger) : Grain, IEventGrain
{
    // Memory moves on while a write is in flight; state.State is always what storage holds.
    private EventState _working = new();
    private EventState _durable = new();
    private SeatMap? _map;
    private GroupCommit? _commits;
    private bool _stale;
    private bool _searchBehind = true;

    private string EventId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => time.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits = new GroupCommit(WriteSnapshot, RollBack);
        _durable = state.State;
        Load(_durable);
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions
        {
            DueTime = options.Value.ExpirySweepPeriod,
            Period = options.Value.ExpirySweepPeriod,
        });
        return Task.CompletedTask;
    }

    public async Task<EventCommandResult> Create(EventDefinition definition)
    {
        EnsureCurrent();
        if (_working.Definition is not null) return EventCommandResult.Conflict($"Event '{EventId}' already exists.");
        var (venue, performers, invalid) = await Resolve(definition);
        if (invalid is not null) return invalid;
        if (_working.Definition is not null) return EventCommandResult.Conflict($"Event '{EventId}' already exists.");

        _working.Definition = definition;
        _working.Venue = venue;
        _working.Performers = performers;
        _working.ReservationKey = RandomNumberGenerator.GetBytes(32);
        _working.SeatOwners = [];
        _map = new SeatMap(EventId, _working);
        _working.SearchAvailability = Availability.Of(_map.TotalAvailable, _map.TotalCapacity);
        _working.DocumentVersion++;
        await Durable();
        await PublishSearchDocument();
        return EventCommandResult.Ok;
    }

    public async Task<EventCommandResult> Update(EventDefinition definition)
    {
        EnsureCurrent();
        if (_map is null) return EventCommandResult.NotFound;
        var (venue, performers, invalid) = await Resolve(definition);
        if (invalid is not null) return invalid;

        _map.ExpireDue(Now);
        var layoutChanges = EventDefinitionRules.ChangesLayout(_working.Definition!, definition);
        if (layoutChanges && _map.HasActivity)
        {
            return EventCommandResult.Conflict("Sections and prices cannot change once a seat is held or sold.");
        }
        _working.Definition = definition;
        _working.Performers = performers;
        if (layoutChanges)
        {
            _working.Venue = venue;
            _map = new SeatMap(EventId, _working);
        }
        _working.DocumentVersion++;
        await Durable();
        await PublishSearchDocument();
        return EventCommandResult.Ok;
    }

    public Task<EventView?> GetView()
    {
        EnsureCurrent();
        if (_map is null) return Task.FromResult<EventView?>(null);
        _map.ExpireDue(Now);
        return Task.FromResult<EventView?>(BuildView(_map));
    }

    public Task<SeatMapView?> GetSeats(string? sectionId)
    {
        EnsureCurrent();
        if (_map is null) return Task.FromResult<SeatMapView?>(null);
        _map.ExpireDue(Now);
        return Task.FromResult<SeatMapView?>(new SeatMapView(EventId, _map.SeatViews(sectionId)));
    }

    public async Task<ReserveResult> Reserve(ReserveRequest request)
    {
        EnsureCurrent();
        if (_map is null) return ReserveResult.EventNotFound;
        var now = Now;
        if (now >= _working.Definition!.StartsAt) return ReserveResult.SalesClosed;
        if (_working.QueueActive && !admissions.IsValid(request.AdmissionToken, EventId, request.UserId, now)) return ReserveResult.AdmissionRequired;
        _map.ExpireDue(now);

        var result = _map.Reserve(request, now + options.Value.HoldDuration);
        if (result.Status != ReserveStatus.Held) return result;
        await Commit();
        GrainMetrics.SeatsHeld.Add(result.Reservation!.Seats.Count);
        return result;
    }

    public Task<HoldResult> Release(string reservationId, string userId) =>
        Change(map => map.Release(reservationId, userId));

    public Task<HoldResult> Pin(string reservationId, string userId, string bookingId) =>
        Change(map => map.Pin(reservationId, userId, bookingId));

    public Task<HoldResult> Unpin(string reservationId, string bookingId) =>
        Change(map => map.Unpin(reservationId, bookingId));

    public async Task<HoldResult> Confirm(string reservationId, string bookingId)
    {
        var result = await Change(map => map.Confirm(reservationId, bookingId));
        if (result.Status == HoldStatus.Ok) GrainMetrics.SeatsSold.Add(result.Reservation!.Seats.Count);
        return result;
    }

    public Task<HoldResult> ReturnSeats(string reservationId, string bookingId) =>
        Change(map => map.ReturnSeats(reservationId, bookingId));

    public async Task<bool> SetQueueActive(bool active)
    {
        EnsureCurrent();
        if (_map is null) return false;
        if (_working.QueueActive == active) return true;
        _working.QueueActive = active;
        await Durable();
        return true;
    }

    public Task<SeatMapAudit> Audit()
    {
        EnsureCurrent();
        _map?.ExpireDue(Now);
        return Task.FromResult(_map?.Audit() ?? new SeatMapAudit(0, 0, 0, 0, 0, 0, 0));
    }

    private async Task<HoldResult> Change(Func<SeatMap, HoldResult> change)
    {
        EnsureCurrent();
        if (_map is null) return HoldResult.NotFound;
        _map.ExpireDue(Now);
        var result = change(_map);
        if (result.Status == HoldStatus.Ok) await Commit();
        return result;
    }

    /// <summary>Makes a seat change durable, and tells search when availability crossed a threshold.</summary>
    private async Task Commit()
    {
        var availability = Availability.Of(_map!.TotalAvailable, _map.TotalCapacity);
        var crossed = availability != _working.SearchAvailability;
        if (crossed)
        {
            _working.SearchAvailability = availability;
            _working.DocumentVersion++;
        }
        await Durable();
        if (crossed)
        {
            await PublishSearchDocument();
            if (_working.QueueActive) await TellWaitingRoom(availability == Availability.SoldOut);
        }
    }

    private async Task Durable()
    {
        try
        {
            await _commits!.Commit();
        }
        catch (Exception e) when (e is not RetryableException)
        {
            throw new RetryableException($"Saving event '{EventId}' failed; nothing was changed. Try again.", e);
        }
    }

    private async Task Sweep(CancellationToken cancellationToken)
    {
        if (_map is null || _stale) return;
        if (_map.ExpireDue(Now) > 0) await Commit();
        if (_searchBehind) await PublishSearchDocument();
    }

    private void EnsureCurrent()
    {
        if (_stale) throw new RetryableException($"Event '{EventId}' is moving to a fresh activation; try again.");
    }

    private void Load(EventState stored)
    {
        _working = stored.Clone();
        _map = _working.Definition is null ? null : new SeatMap(EventId, _working);
    }

    /// <summary>Sends a copy, so the write is of one instant however memory moves while it is in flight.</summary>
    private async Task WriteSnapshot()
    {
        var snapshot = _working.Clone();
        state.State = snapshot;
        await state.WriteStateAsync();
        _durable = snapshot;
        GrainMetrics.StorageWrites.Add(1);
    }

    /// <summary>
    /// A failed write leaves memory equal to storage again: back to the last durable state, or, if
    /// storage has moved on (another activation wrote it), this activation stops serving.
    /// </summary>
    private void RollBack(Exception e)
    {
        if (e is InconsistentStateException)
        {
            _stale = true;
            LogStale(logger, e, EventId);
            DeactivateOnIdle();
            return;
        }
        LogWriteFailed(logger, e, EventId);
        state.State = _durable;
        Load(_durable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: stored state is newer than this activation's; deactivating")]
    private static partial void LogStale(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId}: writing the seat map failed; memory rolled back to storage")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string eventId);
}
