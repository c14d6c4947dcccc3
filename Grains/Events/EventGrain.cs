using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Search;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The seat map's single writer. Not reentrant: each call checks and changes seats in one turn,
/// then writes, and answers only once the write is durable (DESIGN.md, "one grain per event").
/// </summary>
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.SeatMaps)] IPersistentState<EventState> state,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<BookingOptions> options,
    ILogger<EventGrain> logger) : Grain, IEventGrain
{
    private SeatMap? _map;
    private bool _stale;
    private bool _searchBehind = true;

    private string EventId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => time.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is not null) _map = new SeatMap(EventId, state.State);
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions
        {
            DueTime = options.Value.ExpirySweepPeriod,
            Period = options.Value.ExpirySweepPeriod,
            Interleave = false,
        });
        return Task.CompletedTask;
    }

    public async Task<EventCommandResult> Create(EventDefinition definition)
    {
        EnsureCurrent();
        if (state.State.Definition is not null) return EventCommandResult.Conflict($"Event '{EventId}' already exists.");
        var (venue, performers, invalid) = await Resolve(definition);
        if (invalid is not null) return invalid;

        state.State.Definition = definition;
        state.State.Venue = venue;
        state.State.Performers = performers;
        state.State.ReservationKey = RandomNumberGenerator.GetBytes(32);
        state.State.SeatOwners = [];
        _map = new SeatMap(EventId, state.State);
        state.State.SearchAvailability = Availability.Of(_map.TotalAvailable, _map.TotalCapacity);
        state.State.DocumentVersion++;
        await Persist();
        await PublishSearchDocument();
        return EventCommandResult.Ok;
    }

    public async Task<EventCommandResult> Update(EventDefinition definition)
    {
        EnsureCurrent();
        if (_map is null) return EventCommandResult.NotFound;
        _map.ExpireDue(Now);
        var (venue, performers, invalid) = await Resolve(definition);
        if (invalid is not null) return invalid;
        var layoutChanges = EventDefinitionRules.ChangesLayout(state.State.Definition!, definition);
        if (layoutChanges && _map.HasActivity)
        {
            return EventCommandResult.Conflict("Sections and prices cannot change once a seat is held or sold.");
        }

        state.State.Definition = definition;
        state.State.Performers = performers;
        if (layoutChanges)
        {
            state.State.Venue = venue;
            _map = new SeatMap(EventId, state.State);
        }
        state.State.DocumentVersion++;
        await Persist();
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
        if (now >= state.State.Definition!.StartsAt) return ReserveResult.SalesClosed;
        _map.ExpireDue(now);

        var result = _map.Reserve(request, now + options.Value.HoldDuration);
        if (result.Status == ReserveStatus.Held) await Commit();
        return result;
    }

    public Task<HoldResult> Release(string reservationId, string userId) =>
        Change(map => map.Release(reservationId, userId));

    public Task<HoldResult> Pin(string reservationId, string userId, string bookingId) =>
        Change(map => map.Pin(reservationId, userId, bookingId));

    public Task<HoldResult> Unpin(string reservationId, string bookingId) =>
        Change(map => map.Unpin(reservationId, bookingId));

    public Task<HoldResult> Confirm(string reservationId, string bookingId) =>
        Change(map => map.Confirm(reservationId, bookingId));

    public Task<HoldResult> ReturnSeats(string reservationId, string bookingId) =>
        Change(map => map.ReturnSeats(reservationId, bookingId));

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

    /// <summary>Writes a seat change, and tells search when availability crossed a threshold.</summary>
    private async Task Commit()
    {
        var availability = Availability.Of(_map!.TotalAvailable, _map.TotalCapacity);
        var crossed = availability != state.State.SearchAvailability;
        if (crossed)
        {
            state.State.SearchAvailability = availability;
            state.State.DocumentVersion++;
        }
        await Persist();
        if (crossed) await PublishSearchDocument();
    }

    private async Task Sweep(CancellationToken cancellationToken)
    {
        if (_map is null || _stale) return;
        if (_map.ExpireDue(Now) > 0)
        {
            await Commit();
        }
        if (_searchBehind) await PublishSearchDocument();
    }

    private void EnsureCurrent()
    {
        if (_stale) throw new RetryableException($"Event '{EventId}' is moving to a fresh activation; try again.");
    }

    /// <summary>
    /// A failed write leaves memory equal to storage again: reload, or if the stored state has
    /// moved on (another activation wrote it), stop serving from this one.
    /// </summary>
    private async Task Persist()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException e)
        {
            _stale = true;
            LogStale(logger, e, EventId);
            DeactivateOnIdle();
            throw new RetryableException($"Event '{EventId}' was changed by another activation; try again.", e);
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, EventId);
            try
            {
                await state.ReadStateAsync();
                _map = state.State.Definition is null ? null : new SeatMap(EventId, state.State);
            }
            catch (Exception reload)
            {
                _stale = true;
                LogStale(logger, reload, EventId);
                DeactivateOnIdle();
            }
            throw new RetryableException($"Saving event '{EventId}' failed; nothing was changed. Try again.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: stored state is newer than this activation's; deactivating")]
    private static partial void LogStale(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId}: writing the seat map failed; state reloaded")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string eventId);
}
