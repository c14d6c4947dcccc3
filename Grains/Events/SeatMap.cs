using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The rules of the seat map over <see cref="EventState"/>: pure and synchronous, so a grain turn
/// checks and changes seats with no await in between, and unit tests need no cluster.
/// Running counters per section are derived at load and kept in step with every change.
/// </summary>
public sealed partial class SeatMap
{
    private readonly EventState _state;
    private readonly SectionLayout[] _sections;
    private readonly Dictionary<string, int> _sectionIndex;
    private readonly PriorityQueue<int, DateTimeOffset> _expiries = new();
    private readonly int[] _held;
    private readonly int[] _sold;

    private readonly string _eventId;

    public SeatMap(string eventId, EventState state)
    {
        _eventId = eventId;
        _state = state;
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
        foreach (var (serial, hold) in state.Holds) Track(serial, hold, +1);
    }

    public IReadOnlyList<SectionLayout> Sections => _sections;

    public string Currency => _state.Definition!.Prices[0].Currency;

    /// <summary>True once any seat has been held or sold: the layout and prices are then frozen.</summary>
    public bool HasActivity => _state.Holds.Count > 0;

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
                Remove(serial, hold);
                expired++;
            }
        }
        if (expired > 0) GrainMetrics.HoldsExpired.Add(expired);
        return expired;
    }

    public ReserveResult Reserve(ReserveRequest request, DateTimeOffset expiresAt) =>
        request.Seats is { } seats
            ? ReserveChosen(request.UserId, seats, expiresAt)
            : ReserveBest(request.UserId, request.SectionId, request.Quantity, expiresAt);

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

        return ReserveResult.Held(Add(new HoldRecord { UserId = userId, ExpiresAt = expiresAt, Seats = ordinals }));
    }

    private ReserveResult ReserveBest(string userId, string? sectionId, int quantity, DateTimeOffset expiresAt)
    {
        if (sectionId is null || !_sectionIndex.TryGetValue(sectionId, out var index)) return ReserveResult.Invalid("sectionId", $"Unknown section '{sectionId}'.");
        if (quantity < 1 || quantity > ReserveRequest.MaxTickets) return ReserveResult.Invalid("quantity", $"Quantity must be 1 to {ReserveRequest.MaxTickets}.");

        var section = _sections[index];
        if (section.IsGeneralAdmission)
        {
            if (Available(index) < quantity) return ReserveResult.Taken([sectionId]);
            return ReserveResult.Held(Add(new HoldRecord { UserId = userId, ExpiresAt = expiresAt, GaSection = index, GaCount = quantity }));
        }

        var picked = BestAvailable.Pick(section, ordinal => _state.SeatOwners[ordinal] == 0, quantity);
        if (picked is null) return ReserveResult.Taken([sectionId]);
        return ReserveResult.Held(Add(new HoldRecord { UserId = userId, ExpiresAt = expiresAt, Seats = picked }));
    }

    public HoldResult Release(string reservationId, string userId)
    {
        if (Find(reservationId, out var serial, out var hold) is { } missing) return missing;
        if (hold.UserId != userId) return HoldResult.Forbidden;
        if (hold.State != HoldState.Held) return HoldResult.Conflict;
        Remove(serial, hold);
        return HoldResult.Ok();
    }

    public HoldResult Pin(string reservationId, string userId, string bookingId)
    {
        if (Find(reservationId, out _, out var hold) is { } missing) return missing;
        if (hold.UserId != userId) return HoldResult.Forbidden;
        if (hold.State != HoldState.Held) return hold.BookingId == bookingId ? HoldResult.Ok(ToReservation(hold)) : HoldResult.Conflict;
        hold.State = HoldState.Pinned;
        hold.BookingId = bookingId;
        return HoldResult.Ok(ToReservation(hold));
    }

    public HoldResult Unpin(string reservationId, string bookingId)
    {
        if (!TryGetOwned(reservationId, bookingId, out var serial, out var hold)) return HoldResult.Gone;
        if (hold.State == HoldState.Pinned)
        {
            hold.State = HoldState.Held;
            hold.BookingId = null;
            _expiries.Enqueue(serial, hold.ExpiresAt);
        }
        return HoldResult.Ok(ToReservation(hold));
    }

    public HoldResult Confirm(string reservationId, string bookingId)
    {
        if (!TryGetOwned(reservationId, bookingId, out var serial, out var hold)) return HoldResult.Gone;
        if (hold.State == HoldState.Pinned)
        {
            Track(serial, hold, -1);
            hold.State = HoldState.Sold;
            Track(serial, hold, +1);
        }
        return HoldResult.Ok(ToReservation(hold));
    }

    public HoldResult ReturnSeats(string reservationId, string bookingId)
    {
        // Already returned (a retried cancellation) is success.
        if (!TryGetOwned(reservationId, bookingId, out var serial, out var hold)) return HoldResult.Ok();
        Remove(serial, hold);
        return HoldResult.Ok();
    }

    private bool TryGetOwned(string reservationId, string bookingId, out int serial, out HoldRecord hold) =>
        Find(reservationId, out serial, out hold) is null && hold.BookingId == bookingId;

    private Reservation Add(HoldRecord hold)
    {
        var serial = _state.NextSerial++;
        hold.ReservationId = NewReservationId(serial);
        _state.Holds[serial] = hold;
        foreach (var ordinal in hold.Seats) _state.SeatOwners[ordinal] = serial;
        Track(serial, hold, +1);
        return ToReservation(hold);
    }

    private void Remove(int serial, HoldRecord hold)
    {
        Track(serial, hold, -1);
        foreach (var ordinal in hold.Seats)
        {
            if (_state.SeatOwners[ordinal] == serial) _state.SeatOwners[ordinal] = 0;
        }
        _state.Holds.Remove(serial);
    }

    /// <summary>Adds (+1) or removes (-1) a hold's seats from the section counters and the indexes.</summary>
    private void Track(int serial, HoldRecord hold, int sign)
    {
        var counters = hold.State == HoldState.Sold ? _sold : _held;
        if (hold.GaSection >= 0) counters[hold.GaSection] += sign * hold.GaCount;
        foreach (var ordinal in hold.Seats) counters[SectionOf(ordinal).Index] += sign;
        if (sign > 0 && hold.State == HoldState.Held) _expiries.Enqueue(serial, hold.ExpiresAt);
    }
}
