using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class SeatMap
{
    /// <summary>
    /// <c>{eventId}.{serial}-{mac}</c>: the serial finds the hold without an index, and the MAC
    /// tells a released or expired reservation (410) from one that never existed (404).
    /// </summary>
    private string NewReservationId(int serial) => $"{_eventId}.{serial.ToString(CultureInfo.InvariantCulture)}-{Mac(serial)}";

    private string Mac(int serial)
    {
        var mac = HMACSHA256.HashData(_state.ReservationKey, Encoding.UTF8.GetBytes($"{_eventId}.{serial}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }

    /// <summary>
    /// Null when the id is genuine (its serial was issued and its MAC matches), whatever became of
    /// the hold since; otherwise <see cref="HoldResult.NotFound"/>.
    /// </summary>
    private HoldResult? Find(string reservationId, out int serial)
    {
        if (!TrySerial(reservationId, out serial, out var mac)) return HoldResult.NotFound;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(serial)), Encoding.ASCII.GetBytes(mac)))
        {
            return HoldResult.NotFound;
        }
        return null;
    }

    /// <summary>The serial an id names, if it is one this map issued, and the MAC it carries (unchecked).</summary>
    private bool TrySerial(string reservationId, out int serial, out string mac)
    {
        serial = 0;
        mac = "";
        var prefix = _eventId + ".";
        if (!reservationId.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = reservationId.AsSpan(prefix.Length);
        var dash = rest.IndexOf('-');
        if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out serial)) return false;
        if (serial <= 0 || serial >= _state.NextSerial) return false;
        mac = rest[(dash + 1)..].ToString();
        return true;
    }

    /// <summary>Tickets the fan holds or bought for this event.</summary>
    public int TicketsOf(string userId) => _ticketsByFan.GetValueOrDefault(SaleRecord.Fingerprint(userId));

    /// <summary>The fan's holds not being paid for, oldest first. A scan of the holds: asked once per fan's page view, not per sale.</summary>
    public IReadOnlyList<Reservation> HoldsOf(string userId) =>
        [.. _state.Holds.Where(h => h.Value.State == HoldState.Held && h.Value.UserId == userId).OrderBy(h => h.Key).Select(h => ToReservation(h.Key, h.Value))];

    /// <summary>
    /// True while a reservation this map issued holds its seats (held or being paid for), not once sold, released or
    /// expired. For ids the grain kept itself (the per-address count), so the MAC is not checked again in the grain's turn.
    /// </summary>
    public bool IsHeld(string reservationId) => TrySerial(reservationId, out var serial, out _) && _state.Holds.ContainsKey(serial);

    private bool TryParseSeat(string seatId, out int ordinal)
    {
        ordinal = -1;
        var parts = seatId.Split('-');
        if (parts.Length != 3 || !_sectionIndex.TryGetValue(parts[0], out var index)) return false;
        var section = _sections[index];
        if (section.IsGeneralAdmission) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1 || row > section.Definition.Rows) return false;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > section.Definition.SeatsPerRow) return false;
        ordinal = section.Ordinal(row, number);
        return true;
    }

    private SectionLayout SectionOf(int ordinal)
    {
        // Few sections per venue: a linear scan beats a lookup table of one entry per seat.
        for (var i = _sections.Length - 1; i >= 0; i--)
        {
            if (!_sections[i].IsGeneralAdmission && ordinal >= _sections[i].Offset) return _sections[i];
        }
        throw new ArgumentOutOfRangeException(nameof(ordinal));
    }

    private Reservation ToReservation(int serial, HoldRecord hold)
    {
        var seats = SeatsOf(serial, hold.Seats, hold.GaSection, hold.GaCount);
        return new Reservation(NewReservationId(serial), _eventId, hold.UserId, seats, seats.Sum(s => s.Price), Currency, hold.ExpiresAt);
    }

    /// <summary>The tickets of a hold or sale: its seats, then its general-admission places (numbered by serial, so ids never repeat).</summary>
    private List<ReservedSeat> SeatsOf(int serial, int[] ordinals, int gaSection, int gaCount)
    {
        var seats = new List<ReservedSeat>(Math.Max(ordinals.Length, gaCount));
        foreach (var ordinal in ordinals)
        {
            var section = SectionOf(ordinal);
            seats.Add(new ReservedSeat(section.SeatId(ordinal), section.SectionId, section.Price));
        }
        if (gaSection >= 0)
        {
            var section = _sections[gaSection];
            var number = serial.ToString(CultureInfo.InvariantCulture);
            for (var i = 1; i <= gaCount; i++) seats.Add(new ReservedSeat($"{section.SectionId}-GA-{number}-{i}", section.SectionId, section.Price));
        }
        return seats;
    }

    public SeatStatus StatusOf(int ordinal) => _state.SeatOwners[ordinal] switch
    {
        0 => SeatStatus.Available,
        < 0 => SeatStatus.Sold,
        _ => SeatStatus.Held,
    };

    public IReadOnlyList<SeatView> SeatViews(string? sectionId)
    {
        var seats = new List<SeatView>();
        foreach (var section in _sections)
        {
            if (section.IsGeneralAdmission || (sectionId is not null && section.SectionId != sectionId)) continue;
            for (var ordinal = section.Offset; ordinal < section.Offset + section.Capacity; ordinal++)
            {
                var (row, number) = section.Position(ordinal);
                seats.Add(new SeatView(section.SeatId(ordinal), section.SectionId, row, number, StatusOf(ordinal)));
            }
        }
        return seats;
    }


    /// <summary>Recounts everything from the seat map, the holds and the sales, independently of the running counters.</summary>
    public SeatMapAudit Audit()
    {
        int held = 0, sold = 0, claimedTwice = 0;
        var claims = new int[_state.SeatOwners.Length];
        foreach (var (serial, hold) in _state.Holds)
        {
            foreach (var ordinal in hold.Seats)
            {
                if (++claims[ordinal] > 1 || _state.SeatOwners[ordinal] != serial) claimedTwice++;
            }
            held += hold.GaCount;
        }
        foreach (var (serial, sale) in _state.Sales)
        {
            foreach (var ordinal in sale.Seats)
            {
                if (++claims[ordinal] > 1 || _state.SeatOwners[ordinal] != -serial) claimedTwice++;
            }
            sold += sale.GaCount;
        }
        for (var ordinal = 0; ordinal < _state.SeatOwners.Length; ordinal++)
        {
            switch (StatusOf(ordinal))
            {
                case SeatStatus.Held: held++; break;
                case SeatStatus.Sold: sold++; break;
            }
            if (_state.SeatOwners[ordinal] != 0 && claims[ordinal] == 0) claimedTwice++;
        }
        var capacity = TotalCapacity;
        return new SeatMapAudit(
            TotalAvailable, _held.Sum(), _sold.Sum(),
            capacity - held - sold, held, sold, claimedTwice);
    }
}
