using System.Globalization;
using TicketMaster.Events;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Events;

/// <summary>
/// Tickets after the sale: admitted once at the door, moved to another fan's booking. A ticket is
/// its sale's serial and its index in the sale; its code is a MAC of the sale's booking, the index
/// and the ticket's generation, so a transfer (next generation) gives a new code and voids the old
/// ones without storing any code.
/// </summary>
public sealed partial class SeatMap
{
    /// <summary>Every code ever issued, to the ticket and generation it was; built at the first scan and kept in step; derived, never stored.</summary>
    private Dictionary<string, (int Serial, int Index, int Generation)>? _codes;

    /// <summary>Admits the ticket of <paramref name="code"/> once; whatever the answer, nothing but an admission is recorded.</summary>
    public ScanResult Scan(string code, DateTimeOffset now)
    {
        _codes ??= IndexCodes();
        if (!_codes.TryGetValue(code, out var issued)) return ScanResult.UnknownCode;
        if (_state.Cancelled || !_state.Sales.TryGetValue(issued.Serial, out var sale)) return ScanResult.Void;
        var ticket = TicketOf(issued.Serial, issued.Index);
        if (ticket.Generation != issued.Generation) return ScanResult.Void;
        var ticketId = TicketId(ticket.Holder ?? sale.BookingId, issued.Index);
        var seatId = SeatsOf(issued.Serial, sale.Seats, sale.GaSection, sale.GaCount)[issued.Index].SeatId;
        if (ticket.ScannedAt is { } at) return new ScanResult(ScanStatus.AlreadyScanned, ticketId, seatId, at);
        Record(new TicketScanned(issued.Serial, issued.Index, now));
        return new ScanResult(ScanStatus.Admitted, ticketId, seatId, now);
    }

    /// <summary>
    /// Moves tickets <paramref name="ticketIds"/> of <paramref name="fromBookingId"/> (the buyer, or a
    /// fan who received them) to <paramref name="toBookingId"/>, all or none; answers the sender's sale as it is now.
    /// </summary>
    public TransferResult Transfer(string reservationId, string fromBookingId, IReadOnlyList<string> ticketIds, string toBookingId, string? mailTo = null)
    {
        if (Find(reservationId, out var serial) is not null) return TransferResult.Refused(TransferStatus.NotFound);
        if (_state.Cancelled) return TransferResult.Refused(TransferStatus.Cancelled);
        if (!_state.Sales.TryGetValue(serial, out var sale))
        {
            return TransferResult.Refused(_state.Returned.TryGetValue(serial, out var returned) && HasTickets(serial, returned.Sale, fromBookingId)
                ? TransferStatus.Cancelled
                : TransferStatus.NotFound);
        }
        if (!HasTickets(serial, sale, fromBookingId)) return TransferResult.Refused(TransferStatus.NotFound);

        var count = sale.Seats.Length + sale.GaCount;
        var indexes = new int[ticketIds.Count];
        var prefix = fromBookingId + "-";
        for (var i = 0; i < ticketIds.Count; i++)
        {
            var id = ticketIds[i];
            if (!id.StartsWith(prefix, StringComparison.Ordinal)
                || !int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number < 1 || number > count)
            {
                return new TransferResult(TransferStatus.Invalid, Error: $"No ticket '{id}' in booking '{fromBookingId}'.");
            }
            if (Array.IndexOf(indexes, number - 1, 0, i) >= 0) return new TransferResult(TransferStatus.Invalid, Error: $"Ticket '{id}' is listed twice.");
            indexes[i] = number - 1;
        }
        foreach (var index in indexes)
        {
            var ticket = TicketOf(serial, index);
            if (ticket.ScannedAt is not null) return TransferResult.Refused(TransferStatus.Scanned);
            if (!IsHeldBy(ticket, sale, fromBookingId)) return TransferResult.Refused(TransferStatus.Moved);
        }
        Record(new TicketsTransferred(serial, indexes, toBookingId, mailTo));
        // A fan who passed on every ticket they received holds nothing of the sale any more: an empty booking.
        return new TransferResult(TransferStatus.Transferred,
            SaleOf(serial, fromBookingId) ?? new SaleView(SaleStatus.Sold, reservationId, _eventId, [], 0m, Currency, []));
    }

    /// <summary>
    /// Every booking holding tickets of a sale (its buyer, and fans tickets were passed to) is owed
    /// the news that the start moved from <paramref name="previous"/>: one mail per booking and move.
    /// </summary>
    public void OweMovedMails(DateTimeOffset previous, long documentVersion)
    {
        var holders = _state.Tickets.Where(t => t.Value.Holder is not null).ToLookup(t => (int)(t.Key >> 8), t => t.Value.Holder!);
        foreach (var (serial, sale) in _state.Sales)
        {
            foreach (var bookingId in holders[serial].Prepend(sale.BookingId).Distinct())
            {
                if (SaleOf(serial, bookingId) is not { Tickets.Count: > 0 }) continue;
                _state.MailsToHandOn[MailShards.MoveOf(bookingId, documentVersion)] =
                    new PendingMail(serial, PendingMail.AddressOfBooking, OwedMail.EventMoved, bookingId, previous);
            }
        }
    }

    private TicketRecord TicketOf(int serial, int index) => _state.Tickets.GetValueOrDefault(TicketRecord.Key(serial, index));

    private static bool IsHeldBy(TicketRecord ticket, SaleRecord sale, string bookingId) =>
        ticket.Holder is { } holder ? holder == bookingId : sale.IsOf(bookingId);

    /// <summary>Whether <paramref name="bookingId"/> bought the sale or holds any of its tickets.</summary>
    private bool HasTickets(int serial, SaleRecord sale, string bookingId)
    {
        if (sale.IsOf(bookingId)) return true;
        if (_state.Tickets.Count == 0) return false;
        for (var index = 0; index < sale.Seats.Length + sale.GaCount; index++)
        {
            if (TicketOf(serial, index).Holder == bookingId) return true;
        }
        return false;
    }

    /// <summary>A ticket of the sale moved or admitted: its fan can no longer take the sale back.</summary>
    private bool HasTicketsUsed(int serial, SaleRecord sale)
    {
        if (_state.Tickets.Count == 0) return false;
        for (var index = 0; index < sale.Seats.Length + sale.GaCount; index++)
        {
            if (_state.Tickets.ContainsKey(TicketRecord.Key(serial, index))) return true;
        }
        return false;
    }

    private static string TicketId(string bookingId, int index) => $"{bookingId}-{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    private void ApplyTicket(EventChange change)
    {
        switch (change)
        {
            case TicketScanned scanned:
                var key = TicketRecord.Key(scanned.Serial, scanned.Index);
                _state.Tickets[key] = _state.Tickets.GetValueOrDefault(key) with { ScannedAt = scanned.At };
                break;
            case TicketsTransferred moved:
                var sale = _state.Sales.TryGetValue(moved.Serial, out var sold)
                    ? sold
                    : throw new InvalidOperationException($"Event '{_eventId}': no sale {moved.Serial} to transfer from.");
                foreach (var index in moved.Indexes)
                {
                    var ticket = TicketOf(moved.Serial, index);
                    var next = ticket with { Generation = ticket.Generation + 1, Holder = moved.ToBookingId };
                    _state.Tickets[TicketRecord.Key(moved.Serial, index)] = next;
                    if (_codes is not null) _codes[TicketCode(sale.BookingId, index, next.Generation)] = (moved.Serial, index, next.Generation);
                }
                if (moved.MailTo is { } receiver)
                {
                    _state.MailsToHandOn[MailShards.TransferOf(moved.ToBookingId)] = new PendingMail(moved.Serial, receiver, OwedMail.TicketsReceived, moved.ToBookingId);
                }
                break;
        }
    }

    /// <summary>A new sale's codes join the index, once it exists.</summary>
    private void IndexSale(int serial, SaleRecord sale)
    {
        if (_codes is null) return;
        for (var index = 0; index < sale.Seats.Length + sale.GaCount; index++) _codes[TicketCode(sale.BookingId, index, 0)] = (serial, index, 0);
    }

    /// <summary>One MAC per code ever issued (a sold-out stadium: a few hundred milliseconds, once per activation that scans).</summary>
    private Dictionary<string, (int, int, int)> IndexCodes()
    {
        var codes = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        void Add(int serial, SaleRecord sale)
        {
            for (var index = 0; index < sale.Seats.Length + sale.GaCount; index++)
            {
                var generations = TicketOf(serial, index).Generation;
                for (var generation = 0; generation <= generations; generation++) codes[TicketCode(sale.BookingId, index, generation)] = (serial, index, generation);
            }
        }
        foreach (var (serial, sale) in _state.Sales) Add(serial, sale);
        foreach (var (serial, returned) in _state.Returned) Add(serial, returned.Sale);
        return codes;
    }
}
