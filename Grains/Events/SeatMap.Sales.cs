using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class SeatMap
{
    /// <summary>Every sale and the booking it belongs to: what a cancelled event has left to refund.</summary>
    public List<(int Serial, string BookingId)> Sales() => _state.Sales.Select(s => (s.Key, s.Value.BookingId)).ToList();

    public int SaleCount => _state.Sales.Count;

    public bool HasSale(int serial) => _state.Sales.ContainsKey(serial);

    private bool IsSaleOf(int serial, string bookingId) =>
        _state.Sales.TryGetValue(serial, out var sale) && sale.IsOf(bookingId);

    /// <summary>
    /// What <paramref name="bookingId"/> has of the hold <paramref name="reservationId"/>: pinned,
    /// sold or cancelled; null when nothing (never pinned by it, unpinned, released, expired).
    /// </summary>
    public SaleView? SaleOf(string reservationId, string bookingId) =>
        Find(reservationId, out var serial) is null ? SaleOf(serial, bookingId) : null;

    /// <summary>The serial of the sale <paramref name="bookingId"/> bought and still has; null otherwise.</summary>
    public int? SoldSerial(string reservationId, string bookingId) =>
        Find(reservationId, out var serial) is null && IsSaleOf(serial, bookingId) ? serial : null;

    /// <summary>
    /// A returned sale is refunded (by its booking, or by a sweep that found it unfinished); false when there was none.
    /// The refund owes <paramref name="mailTo"/> one mail; a repeat records nothing, so owes nothing more.
    /// </summary>
    public bool MarkRefunded(string reservationId, string bookingId, string? mailTo = null)
    {
        if (Find(reservationId, out var serial) is not null
            || !_state.Returned.TryGetValue(serial, out var returned) || !returned.Sale.IsOf(bookingId)) return false;
        if (!returned.Refunded) Record(new SaleRefunded(serial, mailTo));
        return true;
    }

    /// <summary>
    /// Sales left unsettled since before <paramref name="before"/>: holds pinned by a booking that
    /// never confirmed or unpinned them, and returned sales whose refund never finished.
    /// </summary>
    public List<(string ReservationId, string BookingId)> Unsettled(DateTimeOffset before)
    {
        var due = new List<(string, string)>();
        foreach (var serial in _pinned)
        {
            var hold = _state.Holds[serial];
            if (hold.PinnedAt < before) due.Add((NewReservationId(serial), hold.BookingId!));
        }
        foreach (var serial in _refundsDue)
        {
            var returned = _state.Returned[serial];
            if (returned.At < before) due.Add((NewReservationId(serial), returned.Sale.BookingId));
        }
        return due;
    }

    /// <summary>The sale of <paramref name="serial"/> as its buyer's booking sees it (sold, returned or refunded); null when there is none.</summary>
    public (string BookingId, SaleView Sale)? BuyerSaleOf(int serial)
    {
        if (_state.Sales.TryGetValue(serial, out var sale)) return (sale.BookingId, ToSale(serial, SaleStatus.Sold, sale, sale.BookingId));
        if (_state.Returned.TryGetValue(serial, out var returned))
        {
            var bookingId = returned.Sale.BookingId;
            return (bookingId, ToSale(serial, returned.Refunded ? SaleStatus.Refunded : SaleStatus.Returned, returned.Sale, bookingId));
        }
        return null;
    }

    /// <summary>What <paramref name="bookingId"/> holds of the sale <paramref name="serial"/>, bought or received; null when nothing.</summary>
    public SaleView? SaleOf(int serial, string bookingId)
    {
        if (_state.Sales.TryGetValue(serial, out var sale) && HasTickets(serial, sale, bookingId)) return ToSale(serial, SaleStatus.Sold, sale, bookingId);
        if (_state.Returned.TryGetValue(serial, out var returned) && HasTickets(serial, returned.Sale, bookingId))
        {
            return ToSale(serial, returned.Refunded ? SaleStatus.Refunded : SaleStatus.Returned, returned.Sale, bookingId);
        }
        if (_state.Holds.TryGetValue(serial, out var hold) && hold.State == HoldState.Pinned && hold.BookingId == bookingId)
        {
            var reservation = ToReservation(serial, hold);
            return new SaleView(SaleStatus.Pinned, reservation.ReservationId, _eventId, reservation.Seats, reservation.Total, Currency, []);
        }
        return null;
    }

    /// <summary>
    /// The tickets <paramref name="bookingId"/> holds of the sale, with their current codes. The buyer's
    /// total is what was paid, whatever moved since; a fan who received tickets paid nothing.
    /// </summary>
    private SaleView ToSale(int serial, SaleStatus status, SaleRecord sale, string bookingId)
    {
        var seats = SeatsOf(serial, sale.Seats, sale.GaSection, sale.GaCount);
        var buyer = sale.IsOf(bookingId);
        var total = buyer ? seats.Sum(s => s.Price) : 0m;
        var held = new List<ReservedSeat>(seats.Count);
        var tickets = new List<Ticket>(seats.Count);
        for (var i = 0; i < seats.Count; i++)
        {
            var ticket = TicketOf(serial, i);
            if (!IsHeldBy(ticket, sale, bookingId)) continue;
            held.Add(seats[i]);
            tickets.Add(new Ticket(TicketId(bookingId, i), seats[i].SeatId, seats[i].SectionId, TicketCode(sale.BookingId, i, ticket.Generation)));
        }
        return new SaleView(status, NewReservationId(serial), _eventId, held, total, Currency, tickets);
    }

    /// <summary>
    /// 128 bits of a MAC under the event's secret key: unguessable from any other ticket, and the
    /// same every time the sale is read, so a ticket's code needs no storage. A transferred ticket's
    /// generation is part of the MAC (generation 0 keeps the codes sold before transfers existed).
    /// </summary>
    private string TicketCode(string bookingId, int index, int generation)
    {
        var text = generation == 0
            ? $"ticket\n{bookingId}\n{index.ToString(CultureInfo.InvariantCulture)}"
            : $"ticket\n{bookingId}\n{index.ToString(CultureInfo.InvariantCulture)}\n{generation.ToString(CultureInfo.InvariantCulture)}";
        var mac = HMACSHA256.HashData(_state.ReservationKey, Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(mac.AsSpan(0, 16));
    }
}
