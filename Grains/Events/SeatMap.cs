using TicketMaster.Events;

using TicketMaster.Mail;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The rules of the seat map over <see cref="EventState"/>: pure and synchronous, so a grain turn
/// checks and changes seats with no await in between, and unit tests need no cluster. Every
/// change is decided here, recorded as an <see cref="EventChange"/> and applied by
/// <see cref="Apply"/>, the same code a replay of the journal runs: live and replayed state
/// cannot drift apart. Running counters per section are derived at load and kept in step.
/// </summary>
public sealed partial class SeatMap
{
    private readonly EventState _state;
    private readonly SectionLayout[] _sections;
    private readonly Dictionary<string, int> _sectionIndex;
    private readonly PriorityQueue<int, DateTimeOffset> _expiries = new();
    private readonly int[] _held;
    private readonly int[] _sold;
    private readonly List<EventChange>? _changes;

    /// <summary>Tickets held or bought per fan (by fingerprint), for the per-fan limit; derived, never stored.</summary>
    private readonly Dictionary<long, int> _ticketsByFan = [];

    /// <summary>Holds (held or being paid for) per fan, for one hold per admission; derived, never stored.</summary>
    private readonly Dictionary<long, int> _holdsByFan = [];

    /// <summary>Pinned holds and returned sales not yet refunded: the sales a sweep may have to settle; derived, never stored.</summary>
    private readonly HashSet<int> _pinned = [];
    private readonly HashSet<int> _refundsDue = [];

    private readonly string _eventId;

    /// <param name="changes">Where decided changes are recorded for the journal; null when only replaying.</param>
    public SeatMap(string eventId, EventState state, List<EventChange>? changes = null)
    {
        _eventId = eventId;
        _state = state;
        _changes = changes;
        var definition = state.Definition ?? throw new InvalidOperationException("The event has no definition.");
        var venue = state.Venue ?? throw new InvalidOperationException("The event has no venue.");
        var offset = 0;
        _sections = new SectionLayout[venue.Sections.Count];
        for (var i = 0; i < venue.Sections.Count; i++)
        {
            var section = venue.Sections[i];
            var price = definition.Prices.First(p => p.SectionId == section.SectionId).Price;
            _sections[i] = new SectionLayout(i, section, offset, price);
            if (!section.IsGeneralAdmission) offset += section.SeatCount;
        }
        if (state.SeatOwners.Length != offset) state.SeatOwners = new int[offset];
        _sectionIndex = _sections.ToDictionary(s => s.SectionId, s => s.Index, StringComparer.Ordinal);
        _held = new int[_sections.Length];
        _sold = new int[_sections.Length];
        foreach (var (serial, hold) in state.Holds)
        {
            Count(_held, hold.Seats, hold.GaSection, hold.GaCount, +1);
            CountHold(SaleRecord.Fingerprint(hold.UserId), hold.Seats.Length + hold.GaCount, +1);
            if (hold.State == HoldState.Held) _expiries.Enqueue(serial, hold.ExpiresAt);
            else _pinned.Add(serial);
        }
        foreach (var (serial, returned) in state.Returned)
        {
            if (!returned.Refunded) _refundsDue.Add(serial);
        }
        foreach (var sale in state.Sales.Values)
        {
            Count(_sold, sale.Seats, sale.GaSection, sale.GaCount, +1);
            CountFan(sale.Fan, sale.Seats.Length + sale.GaCount);
        }
    }

    public IReadOnlyList<SectionLayout> Sections => _sections;

    public string Currency => _state.Definition!.Prices[0].Currency;

    /// <summary>True once any seat has been held, sold or refunded, or a fan waits for one (by section): the layout and prices are then frozen (a sale's amount is its seats' prices).</summary>
    public bool HasActivity => _state.Holds.Count > 0 || _state.Sales.Count > 0 || _state.Returned.Count > 0 || _state.Waitlist.Count > 0;

    public int Available(int section) => _sections[section].Capacity - _held[section] - _sold[section];

    public int Held(int section) => _held[section];

    public int Sold(int section) => _sold[section];

    public int TotalAvailable => Enumerable.Range(0, _sections.Length).Sum(Available);

    public int TotalCapacity => _sections.Sum(s => s.Capacity);

    /// <summary>Frees every hold whose time is up; returns how many. A hold past expiresAt is free the moment anyone looks.</summary>
    public int ExpireDue(DateTimeOffset now)
    {
        var expired = 0;
        while (_expiries.TryPeek(out var serial, out var at) && at <= now)
        {
            _expiries.Dequeue();
            if (_state.Holds.TryGetValue(serial, out var hold) && hold.State == HoldState.Held && hold.ExpiresAt <= now)
            {
                Record(new HoldRemoved(serial));
                expired++;
            }
        }
        if (expired > 0) GrainMetrics.HoldsExpired.Add(expired);
        return expired;
    }

    /// <param name="oneHoldPerFan">While the waiting room is on, an admission is for one active hold at a time.</param>
    public ReserveResult Reserve(ReserveRequest request, DateTimeOffset expiresAt, bool oneHoldPerFan = false)
    {
        var fan = SaleRecord.Fingerprint(request.UserId);
        if (oneHoldPerFan && _holdsByFan.ContainsKey(fan)) return ReserveResult.HoldLimit;
        var wanted = request.Seats?.Count ?? request.Quantity;
        var limit = _state.Definition!.MaxTicketsPerFan;
        var already = _ticketsByFan.GetValueOrDefault(fan);
        if (wanted > 0 && already + wanted > limit) return ReserveResult.TicketLimit(limit, already);
        return request.Seats is { } seats
            ? ReserveChosen(request.UserId, seats, expiresAt)
            : ReserveBest(request.UserId, request.SectionId, request.Quantity, expiresAt);
    }

    private ReserveResult ReserveChosen(string userId, IReadOnlyList<string> seatIds, DateTimeOffset expiresAt)
    {
        if (seatIds.Count == 0) return ReserveResult.Invalid("seats", "Choose at least one seat.");
        if (seatIds.Count > ReserveRequest.MaxTickets) return ReserveResult.Invalid("seats", $"At most {ReserveRequest.MaxTickets} seats per reservation.");

        var ordinals = new int[seatIds.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < seatIds.Count; i++)
        {
            if (!TryParseSeat(seatIds[i], out var ordinal)) return ReserveResult.Invalid("seats", $"Unknown seat '{seatIds[i]}'.");
            if (!seen.Add(ordinal)) return ReserveResult.Invalid("seats", $"Seat '{seatIds[i]}' is listed twice.");
            ordinals[i] = ordinal;
        }

        var taken = seatIds.Where((_, i) => _state.SeatOwners[ordinals[i]] != 0).ToList();
        if (taken.Count > 0) return ReserveResult.Taken(taken);

        return ReserveResult.Held(Add(userId, expiresAt, ordinals, -1, 0));
    }

    private ReserveResult ReserveBest(string userId, string? sectionId, int quantity, DateTimeOffset expiresAt)
    {
        if (sectionId is null || !_sectionIndex.TryGetValue(sectionId, out var index)) return ReserveResult.Invalid("sectionId", $"Unknown section '{sectionId}'.");
        if (quantity < 1 || quantity > ReserveRequest.MaxTickets) return ReserveResult.Invalid("quantity", $"Quantity must be 1 to {ReserveRequest.MaxTickets}.");

        var section = _sections[index];
        if (section.IsGeneralAdmission)
        {
            if (Available(index) < quantity) return ReserveResult.Taken([sectionId]);
            return ReserveResult.Held(Add(userId, expiresAt, [], index, quantity));
        }

        var picked = BestAvailable.Pick(section, ordinal => _state.SeatOwners[ordinal] == 0, quantity);
        if (picked is null) return ReserveResult.Taken([sectionId]);
        return ReserveResult.Held(Add(userId, expiresAt, picked, -1, 0));
    }

    public HoldResult Release(string reservationId, string userId)
    {
        if (Find(reservationId, out var serial) is { } missing) return missing;
        if (!_state.Holds.TryGetValue(serial, out var hold)) return _state.Sales.ContainsKey(serial) ? HoldResult.Conflict : HoldResult.Gone;
        if (hold.UserId != userId) return HoldResult.Forbidden;
        if (hold.State != HoldState.Held) return HoldResult.Conflict;
        Record(new HoldRemoved(serial));
        return HoldResult.Ok();
    }

    /// <summary>Ok with the reservation when pinned for <paramref name="bookingId"/>; with its sale when that booking bought it already.</summary>
    public HoldResult Pin(string reservationId, string userId, string bookingId, DateTimeOffset now)
    {
        if (Find(reservationId, out var serial) is { } missing) return missing;
        if (SaleOf(serial, bookingId) is { Status: not SaleStatus.Pinned } sale) return HoldResult.Sold(sale);
        if (!_state.Holds.TryGetValue(serial, out var hold)) return _state.Sales.ContainsKey(serial) || _state.Returned.ContainsKey(serial) ? HoldResult.Conflict : HoldResult.Gone;
        if (hold.UserId != userId) return HoldResult.Forbidden;
        if (hold.State != HoldState.Held) return hold.BookingId == bookingId ? HoldResult.Ok(ToReservation(serial, hold)) : HoldResult.Conflict;
        Record(new HoldPinned(serial, bookingId, now));
        return HoldResult.Ok(ToReservation(serial, hold));
    }

    /// <param name="drop">The event is cancelled: the hold goes instead of waiting to expire.</param>
    public HoldResult Unpin(string reservationId, string bookingId, bool drop = false)
    {
        if (Find(reservationId, out var serial) is not null) return HoldResult.Gone;
        if (IsSaleOf(serial, bookingId)) return HoldResult.Ok();
        if (!_state.Holds.TryGetValue(serial, out var hold) || hold.BookingId != bookingId) return HoldResult.Gone;
        var reservation = ToReservation(serial, hold);
        Record(drop ? new HoldRemoved(serial) : new HoldUnpinned(serial));
        return HoldResult.Ok(reservation);
    }

    /// <summary>
    /// Pinned seats become sold to <paramref name="bookingId"/>; answers the sale with its tickets,
    /// the same when they already are (a retried confirmation), Gone when the pin is not this booking's.
    /// </summary>
    public HoldResult Confirm(string reservationId, string bookingId, DateTimeOffset now, string? mailTo = null)
    {
        if (Find(reservationId, out var serial) is not null) return HoldResult.Gone;
        if (SaleOf(serial, bookingId) is { Status: not SaleStatus.Pinned } sold) return HoldResult.Sold(sold);
        if (!_state.Holds.TryGetValue(serial, out var hold) || hold.BookingId != bookingId) return HoldResult.Gone;
        var reservation = ToReservation(serial, hold);
        Record(new HoldSold(serial, now, mailTo));
        return new HoldResult(HoldStatus.Ok, reservation, SaleOf(serial, bookingId));
    }

    /// <summary>
    /// A cancelled booking's sold seats go back on sale, its refund under way; Ok too when they were
    /// returned already. Conflict once a ticket of it was transferred or scanned, or for a fan who only received tickets.
    /// </summary>
    public HoldResult ReturnSeats(string reservationId, string bookingId, DateTimeOffset now)
    {
        if (Find(reservationId, out var serial) is not null) return HoldResult.NotFound;
        if (_state.Sales.TryGetValue(serial, out var sold) && HasTickets(serial, sold, bookingId))
        {
            // Moved or admitted tickets are someone's entry now: their sale is no longer its buyer's to take back.
            if (!sold.IsOf(bookingId) || HasTicketsUsed(serial, sold)) return HoldResult.Conflict;
            Record(new SaleReturned(serial, now));
        }
        return SaleOf(serial, bookingId) is { Status: not SaleStatus.Pinned } sale ? HoldResult.Sold(sale) : HoldResult.NotFound;
    }

    /// <summary>
    /// The event is cancelled: every hold not being paid for is dropped. Pinned ones are left to
    /// their bookings: a confirmation still sells (and the cancellation's refunds take it back), an unpin drops.
    /// </summary>
    public void DropHolds()
    {
        foreach (var serial in _state.Holds.Where(h => h.Value.State == HoldState.Held).Select(h => h.Key).ToList())
        {
            Record(new HoldRemoved(serial));
        }
    }

    private Reservation Add(string userId, DateTimeOffset expiresAt, int[] seats, int gaSection, int gaCount)
    {
        var serial = _state.NextSerial;
        Record(new HoldAdded(serial, userId, expiresAt, seats, gaSection, gaCount));
        return ToReservation(serial, _state.Holds[serial]);
    }

    private void Record(EventChange change)
    {
        Apply(change);
        _changes?.Add(change);
    }

    /// <summary>Applies a decided change: the one way seats change, live or in a replay.</summary>
    public void Apply(EventChange change)
    {
        _state.Version++;
        switch (change)
        {
            case HoldAdded added:
                var hold = new HoldRecord
                {
                    UserId = added.UserId, ExpiresAt = added.ExpiresAt, State = HoldState.Held,
                    Seats = added.Seats, GaSection = added.GaSection, GaCount = added.GaCount,
                };
                _state.Holds.Add(added.Serial, hold);
                _state.NextSerial = Math.Max(_state.NextSerial, added.Serial + 1);
                Own(hold.Seats, added.Serial);
                Count(_held, hold.Seats, hold.GaSection, hold.GaCount, +1);
                CountHold(SaleRecord.Fingerprint(hold.UserId), hold.Seats.Length + hold.GaCount, +1);
                _expiries.Enqueue(added.Serial, hold.ExpiresAt);
                break;
            case HoldRemoved removed when _state.Holds.Remove(removed.Serial, out var gone):
                _pinned.Remove(removed.Serial);
                Free(gone.Seats, removed.Serial);
                Count(_held, gone.Seats, gone.GaSection, gone.GaCount, -1);
                CountHold(SaleRecord.Fingerprint(gone.UserId), gone.Seats.Length + gone.GaCount, -1);
                break;
            case HoldRemoved removed when _state.Sales.Remove(removed.Serial, out var returned):
                Unsell(removed.Serial, returned);
                break;
            case SaleReturned saleReturned when _state.Sales.Remove(saleReturned.Serial, out var returned):
                Unsell(saleReturned.Serial, returned);
                _state.Returned[saleReturned.Serial] = new ReturnedSale(returned, false, saleReturned.At);
                _refundsDue.Add(saleReturned.Serial);
                break;
            case SaleRefunded refunded when _state.Returned.TryGetValue(refunded.Serial, out var pending):
                _state.Returned[refunded.Serial] = pending with { Refunded = true };
                _refundsDue.Remove(refunded.Serial);
                // Owed on the refund, not the return: the money going back is the news, and a sale is refunded once.
                if (refunded.MailTo is { } refundedTo)
                {
                    _state.MailsToHandOn[MailShards.BookingCancellationOf(pending.Sale.BookingId)] = new PendingMail(refunded.Serial, refundedTo, OwedMail.BookingCancelled);
                }
                break;
            case BookingRefunded refunded when _state.Sales.Remove(refunded.Serial, out var cancelled):
                if (refunded.MailTo is { } cancelledTo)
                {
                    _state.MailsToHandOn[MailShards.CancellationOf(cancelled.BookingId)] = new PendingMail(refunded.Serial, cancelledTo, OwedMail.EventCancelled);
                }
                Unsell(refunded.Serial, cancelled);
                _state.Returned[refunded.Serial] = new ReturnedSale(cancelled, true, default);
                break;
            case BookingRefunded refunded when _state.Returned.TryGetValue(refunded.Serial, out var pending):
                _state.Returned[refunded.Serial] = pending with { Refunded = true };
                _refundsDue.Remove(refunded.Serial);
                break;
            case HoldPinned pinned:
                var toPin = HoldOf(pinned.Serial);
                toPin.State = HoldState.Pinned;
                toPin.BookingId = pinned.BookingId;
                toPin.PinnedAt = pinned.At;
                _pinned.Add(pinned.Serial);
                break;
            case HoldUnpinned unpinned:
                _pinned.Remove(unpinned.Serial);
                var toUnpin = HoldOf(unpinned.Serial);
                toUnpin.State = HoldState.Held;
                toUnpin.BookingId = null;
                _expiries.Enqueue(unpinned.Serial, toUnpin.ExpiresAt);
                break;
            case HoldSold sold:
                _pinned.Remove(sold.Serial);
                var toSell = HoldOf(sold.Serial);
                _state.Holds.Remove(sold.Serial);
                var buyer = SaleRecord.Fingerprint(toSell.UserId);
                Count(_holdsByFan, buyer, -1);
                var newSale = SaleRecord.Of(toSell.BookingId!, toSell.Seats, toSell.GaSection, toSell.GaCount, buyer, sold.At);
                // Owed in the same change that sells (the seat map records sales itself, so here and not in EventMemory).
                if (sold.MailTo is { } to) _state.MailsToHandOn[MailShards.ConfirmationOf(toSell.BookingId!)] = new PendingMail(sold.Serial, to);
                _state.Sales.Add(sold.Serial, newSale);
                IndexSale(sold.Serial, newSale);
                Own(toSell.Seats, -sold.Serial);
                Count(_held, toSell.Seats, toSell.GaSection, toSell.GaCount, -1);
                Count(_sold, toSell.Seats, toSell.GaSection, toSell.GaCount, +1);
                break;
            case TicketScanned or TicketsTransferred:
                ApplyTicket(change);
                break;
            case WaitlistJoined or WaitlistLeft or WaitlistOffered:
                ApplyWaitlist(change);
                break;
            default:
                throw new InvalidOperationException($"Event '{_eventId}': a {change.GetType().Name} does not apply to seats in this state.");
        }
    }

    /// <summary>A sale's seats go back: freed, and no longer counted as sold or as its fan's.</summary>
    private void Unsell(int serial, SaleRecord sale)
    {
        Free(sale.Seats, -serial);
        Count(_sold, sale.Seats, sale.GaSection, sale.GaCount, -1);
        CountFan(sale.Fan, -(sale.Seats.Length + sale.GaCount));
    }

    private HoldRecord HoldOf(int serial) =>
        _state.Holds.TryGetValue(serial, out var hold)
            ? hold
            : throw new InvalidOperationException($"Event '{_eventId}': no hold {serial} to change.");

    private void Own(int[] seats, int owner)
    {
        foreach (var ordinal in seats)
        {
            _state.SeatOwners[ordinal] = owner;
            Changed(ordinal);
        }
    }

    /// <summary>Frees only the seats this owner still has: a hold never frees a seat it does not own.</summary>
    private void Free(int[] seats, int owner)
    {
        foreach (var ordinal in seats)
        {
            if (_state.SeatOwners[ordinal] != owner) continue;
            _state.SeatOwners[ordinal] = 0;
            Changed(ordinal);
        }
    }

    private void CountFan(long fan, int tickets) => Count(_ticketsByFan, fan, tickets);

    /// <summary>A hold added (+1) or gone (-1): its tickets and the hold itself, counted for its fan.</summary>
    private void CountHold(long fan, int tickets, int sign)
    {
        Count(_ticketsByFan, fan, sign * tickets);
        Count(_holdsByFan, fan, sign);
    }

    private static void Count(Dictionary<long, int> perFan, long fan, int delta)
    {
        var total = perFan.GetValueOrDefault(fan) + delta;
        if (total == 0) perFan.Remove(fan);
        else perFan[fan] = total;
    }

    private void Count(int[] counters, int[] seats, int gaSection, int gaCount, int sign)
    {
        if (gaSection >= 0) counters[gaSection] += sign * gaCount;
        foreach (var ordinal in seats) counters[SectionOf(ordinal).Index] += sign;
    }
}
