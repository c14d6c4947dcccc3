using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Events;
using TicketMaster.Grains.Persistence;
using TicketMaster.WaitingRoom;
using TicketMaster.Search;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The seat map's single writer. Every call checks and changes seats synchronously in its own
/// turn (no await between "is it free?" and "now it is held"), records what it changed, then
/// awaits a group commit that appends the batch's changes to the event's journal, and answers
/// only once its change is durable. Reentrant only so that callers can wait for the same append
/// together and reads never queue behind writes.
/// </summary>
[Reentrant]
public sealed partial class EventGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<BookingOptions> options,
    IOptions<WaitlistOptions> waitlist,
    AdmissionTokens admissions,
    ILogger<EventGrain> logger) : Grain, IEventGrain
{
    private EventMemory _memory = null!;

    /// <summary>Changes made in memory since the last append began: the next batch's record.</summary>
    private readonly List<EventChange> _pending = [];
    private readonly AddressHolds _addressHolds = new();

    private Journal<EventState, EventBatch> _journal = null!;
    private GrainPersistence _persistence = null!;

    /// <summary>What search may be told: only fields of a durable version, so search never sees one that is rolled back.</summary>
    private SearchSnapshot? _durableSearch;
    private bool _searchBehind = true;

    private string EventId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journal = new Journal<EventState, EventBatch>(journals, serializer, journalOptions.Value, EventJournal.Name(EventId), "event", logger);
        _persistence = new GrainPersistence($"event '{EventId}'", AppendBatch, DeactivateOnIdle, logger);
        try
        {
            await _journal.Load(snapshot => _memory = new EventMemory(EventId, snapshot, _pending), batch => batch.Changes.ForEach(_memory.Apply));
        }
        catch (Exception e) when (e is not JournalReadException)
        {
            throw new RetryableException($"Loading event '{EventId}' failed; try again.", e);
        }
        _durableSearch = SearchSnapshot.Of(State);
        _mailsReady.UnionWith(State.MailsToHandOn.Keys);
        _mailReminderSet = State.MailsToHandOn.Count > 0 || OffersMayOweMail;
        HandOnMails();
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions
        {
            DueTime = options.Value.ExpirySweepPeriod,
            Period = options.Value.ExpirySweepPeriod,
        });
        this.RegisterGrainTimer(TickWaitlist, new GrainTimerCreationOptions { DueTime = WaitlistTick, Period = WaitlistTick });
    }

    public async Task<EventCommandResult> Create(EventDefinition definition, string owner = "")
    {
        _persistence.EnsureCurrent();
        if (State.Definition is not null) return EventCommandResult.Conflict($"Event '{EventId}' already exists.");
        if (definition.StartsAt <= Now) return EventCommandResult.Invalid("startsAt", "An event must start in the future.");
        var (venue, performers, invalid) = await Resolve(definition);
        if (invalid is not null) return invalid;
        _persistence.EnsureCurrent();
        if (State.Definition is not null) return EventCommandResult.Conflict($"Event '{EventId}' already exists.");

        Record(new EventDefined(definition, venue, performers, RandomNumberGenerator.GetBytes(32), State.DocumentVersion + 1, owner));
        Record(new AvailabilityPublished(Availability.Of(Map!.TotalAvailable, Map.TotalCapacity), State.DocumentVersion));
        await _persistence.Durable();
        await PublishSearchDocument();
        return EventCommandResult.Ok;
    }

    public async Task<EventCommandResult> Update(EventDefinition definition)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(EventCommandResult.NotFound);
        if (State.Cancelled) return EventCommandResult.Conflict($"Event '{EventId}' is cancelled.");
        if (definition.StartsAt != State.Definition!.StartsAt && definition.StartsAt <= Now) return EventCommandResult.Invalid("startsAt", "An event must start in the future.");
        // Fans who waited for the on-sale time must not see it move once it has come.
        if (definition.OnSaleAt != State.Definition.OnSaleAt && State.Definition.IsOnSale(Now))
        {
            return EventCommandResult.Conflict("The event is on sale already; its onSaleAt can no longer change.", "onSaleAt");
        }
        var (venue, performers, invalid) = await Resolve(definition);
        if (invalid is not null) return invalid;
        // Before the decision below, which must not be split by an await.
        if (definition.StartsAt != State.Definition!.StartsAt && Map.SaleCount > 0) await EnsureMailReminder();
        _persistence.EnsureCurrent();

        Map.ExpireDue(Now);
        var layoutChanges = EventDefinitionRules.ChangesLayout(State.Definition!, definition);
        if (layoutChanges && Map.HasActivity)
        {
            return EventCommandResult.Conflict("Sections and prices cannot change once a seat is held or sold.");
        }
        // Fans holding tickets hear of a new start time; the owed mails are in this same change.
        var moved = definition.StartsAt != State.Definition!.StartsAt && Map.SaleCount > 0;
        Record(new EventDefined(definition, layoutChanges ? venue : null, performers, null, State.DocumentVersion + 1, TellFans: moved));
        await _persistence.Durable();
        await PublishSearchDocument();
        return EventCommandResult.Ok;
    }

    public Task<EventView?> GetView()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<EventView?>(null));
        Map.ExpireDue(Now);
        return Task.FromResult<EventView?>(BuildView(Map));
    }

    public Task<SeatMapView?> GetSeats(string? sectionId)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<SeatMapView?>(null));
        Map.ExpireDue(Now);
        return Task.FromResult<SeatMapView?>(new SeatMapView(EventId, Map.SeatViews(sectionId)));
    }

    public async Task<ReserveResult> Reserve(ReserveRequest request)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(ReserveResult.EventNotFound);
        if (State.Cancelled) return ReserveResult.EventCancelled;
        var now = Now;
        if (now >= State.Definition!.StartsAt) return ReserveResult.SalesClosed;
        if (!State.Definition.IsOnSale(now)) return ReserveResult.NotOnSaleYet(State.Definition.OnSaleAt!.Value);
        if (State.QueueActive && !admissions.IsValid(request.AdmissionToken, EventId, request.UserId, now)) return ReserveResult.AdmissionRequired;
        Map.ExpireDue(now);

        var addressLimit = options.Value.HoldsPerAddress * State.Definition.MaxTicketsPerFan;
        if (request.Source is { } source && _addressHolds.Held(source, Map.IsHeld) + Wanted(request) > addressLimit) return ReserveResult.AddressLimit(addressLimit);

        var result = Map.Reserve(request, now + options.Value.HoldDuration, oneHoldPerFan: State.QueueActive);
        if (result.Status != ReserveStatus.Held) return result;
        if (request.Source is { } from) _addressHolds.Add(from, result.Reservation!.ReservationId, result.Reservation.Seats.Count);
        await Commit();
        GrainMetrics.HoldsCreated.Add(1);
        GrainMetrics.SeatsHeld.Add(result.Reservation!.Seats.Count);
        return result;
    }

    private static int Wanted(ReserveRequest request) => request.Seats?.Count ?? request.Quantity;

    public async Task<HoldResult> Release(string reservationId, string userId)
    {
        var result = await Change(map => map.Release(reservationId, userId));
        if (result.Status == HoldStatus.Ok) GrainMetrics.HoldsReleased.Add(1);
        return result;
    }

    public Task<HoldResult> Pin(string reservationId, string userId, string bookingId) =>
        Change(map => map.Pin(reservationId, userId, bookingId, Now));

    public Task<HoldResult> Unpin(string reservationId, string bookingId) =>
        Change(map => map.Unpin(reservationId, bookingId, drop: State.Cancelled));

    public async Task<HoldResult> Confirm(string reservationId, string bookingId, string? mailTo = null)
    {
        // A payment that ends after the organiser cancelled still sells, so the cancellation's
        // refunds (resumed by the reminder) own the money from the moment the sale is durable;
        // the booking hears Gone and refunds at once, but a crash between loses nothing.
        var cancelled = State.Cancelled;
        if (cancelled) await this.RegisterOrUpdateReminder(RefundReminder, RefundRetryPeriod, RefundRetryPeriod);
        if (mailTo is not null) await EnsureMailReminder();
        var result = await Change(map => map.Confirm(reservationId, bookingId, Now, mailTo));
        if (result.Reservation is { } sold) GrainMetrics.SeatsSold.Add(sold.Seats.Count);
        return cancelled && result.Status == HoldStatus.Ok ? result with { Status = HoldStatus.Gone } : result;
    }

    public Task<HoldResult> ReturnSeats(string reservationId, string bookingId) =>
        Change(map => map.ReturnSeats(reservationId, bookingId, Now));

    public async Task<SaleView?> GetSale(string reservationId, string bookingId)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing<SaleView?>(null);
        // Only what is durable is told: a confirmation still in its batch could yet be lost with it.
        await _persistence.Durable();
        return Map.SaleOf(reservationId, bookingId);
    }

    public async Task<bool> MarkRefunded(string reservationId, string bookingId, string? mailTo = null)
    {
        // Before the decision below, which must not be split by an await.
        if (mailTo is not null) await EnsureMailReminder();
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(false);
        bool known;
        if (State.Cancelled && Map.SoldSerial(reservationId, bookingId) is { } serial)
        {
            // A sale made after the cancellation (see Confirm), refunded by its own booking before the cancellation's pass.
            Record(new BookingRefunded(serial, mailTo));
            known = true;
        }
        else known = Map.MarkRefunded(reservationId, bookingId, mailTo);
        await _persistence.Durable();
        return known;
    }

    public async Task<bool> SetQueueActive(bool active)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(false);
        if (State.QueueActive == active) return true;
        Record(new QueueSwitched(active));
        await _persistence.Durable();
        return true;
    }

    public Task<string?> GetOwner()
    {
        _persistence.EnsureCurrent();
        return Task.FromResult(Map is null ? Missing<string?>(null) : State.Owner);
    }

    public Task<SeatMapAudit> Audit()
    {
        _persistence.EnsureCurrent();
        Map?.ExpireDue(Now);
        return Task.FromResult(Map?.Audit() ?? new SeatMapAudit(0, 0, 0, 0, 0, 0, 0));
    }

    private async Task<HoldResult> Change(Func<SeatMap, HoldResult> change)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(HoldResult.NotFound);
        Map.ExpireDue(Now);
        var result = change(Map);
        // A repeated call that changed nothing still waits until what it saw is durable.
        if (result.Status == HoldStatus.Ok) await Commit();
        return result;
    }

    /// <summary>Makes every change so far durable, and tells search when availability crossed a threshold.</summary>
    private async Task Commit()
    {
        OfferWaitlist();
        // A cancelled event's refunds free seats, but nothing goes back on sale.
        var availability = State.Cancelled ? Availability.Cancelled : Availability.Of(Map!.TotalAvailable, Map.TotalCapacity);
        var crossed = availability != State.SearchAvailability;
        if (crossed) Record(new AvailabilityPublished(availability, State.DocumentVersion + 1));
        await _persistence.Durable();
        if (crossed)
        {
            await PublishSearchDocument();
            if (State.QueueActive) await TellWaitingRoom(availability == Availability.SoldOut);
        }
    }

    private async Task Sweep(CancellationToken cancellationToken)
    {
        if (Map is null) return;
        try
        {
            _persistence.EnsureCurrent();
            Map.ExpireDue(Now);
            _addressHolds.Prune(Map.IsHeld);
            // Reads record expiries too; the sweep makes sure they reach the journal.
            if (_pending.Count > 0) await Commit();
            if (_searchBehind) await PublishSearchDocument();
            SettleUnfinishedSales();
            HandOnMails();
        }
        catch (RetryableException)
        {
            // This activation is on its way out; the next one sweeps.
        }
    }

    private EventState State => _memory.State;

    /// <summary>An event that does not exist (an id made up by a client) answers and leaves no activation behind.</summary>
    private T Missing<T>(T answer)
    {
        if (State.Definition is null && _pending.Count == 0) DeactivateOnIdle();
        return answer;
    }

    private SeatMap? Map => _memory.Map;

    private void Record(EventChange change)
    {
        _memory.Apply(change);
        _pending.Add(change);
    }

    /// <summary>The group commit's write: this batch's changes, taken in one turn, as one journal record.</summary>
    private async Task AppendBatch()
    {
        if (_pending.Count == 0) return;
        var batch = new EventBatch([.. _pending]);
        _pending.Clear();
        var search = SearchSnapshot.Of(State);
        var owedMails = batch.Changes.Select(change => change switch
        {
            HoldSold { MailTo: not null } sold => sold.Serial,
            BookingRefunded { MailTo: not null } refunded => refunded.Serial,
            SaleRefunded { MailTo: not null } refunded => refunded.Serial,
            TicketsTransferred { MailTo: not null } moved => moved.Serial,
            WaitlistOffered { MailTo: not null } offered => offered.Serial,
            _ => 0,
        }).Where(serial => serial != 0).ToHashSet();
        var ownsMoves = batch.Changes.Any(change => change is EventDefined { TellFans: true });
        await _journal.Append(batch, () => State);
        _durableSearch = search;
        NoteHolds(batch.Changes);
        NoteMails(owedMails, ownsMoves);
        GrainMetrics.StorageWrites.Add(1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: search document not appended yet; the sweep retries")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventId);
}
