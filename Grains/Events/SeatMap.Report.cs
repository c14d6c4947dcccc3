using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class SeatMap
{
    /// <summary>
    /// The sales report from the seat map alone: the per-section counters it keeps anyway, and one
    /// pass over the sales for the per-minute series. Prices are frozen once a seat is held, sold or
    /// refunded, so a section's price is what each of its seats was sold for.
    /// </summary>
    public SalesReport Report()
    {
        var sections = new SectionSales[_sections.Length];
        for (var i = 0; i < _sections.Length; i++)
        {
            var s = _sections[i];
            sections[i] = new SectionSales(s.SectionId, s.Capacity, _sold[i], _held[i], Available(i), _sold[i] * s.Price);
        }
        var minutes = new SortedDictionary<DateTimeOffset, (int Sold, decimal Revenue)>();
        foreach (var sale in _state.Sales.Values)
        {
            if (sale.SoldAt == default) continue;
            var minute = new DateTimeOffset(sale.SoldAt.UtcTicks - sale.SoldAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            var (sold, revenue) = minutes.GetValueOrDefault(minute);
            minutes[minute] = (sold + sale.Seats.Length + sale.GaCount, revenue + AmountOf(sale));
        }
        var refundedAmount = 0m;
        foreach (var returned in _state.Returned.Values) refundedAmount += AmountOf(returned.Sale);
        var totals = new SalesTotals(_sold.Sum(), _held.Sum(), sections.Sum(s => s.Revenue), _state.Sales.Count, _state.Returned.Count, refundedAmount);
        return new SalesReport(_eventId, Currency, sections, totals, minutes.Select(m => new MinuteSales(m.Key, m.Value.Sold, m.Value.Revenue)).ToList());
    }

    /// <summary>Every booking, standing or cancelled, in the order the holds were made.</summary>
    public List<SaleLine> SaleLines()
    {
        var lines = new List<(int Serial, SaleLine Line)>(_state.Sales.Count + _state.Returned.Count);
        foreach (var (serial, sale) in _state.Sales) lines.Add((serial, LineOf(sale, SaleLineStatus.Sold)));
        foreach (var (serial, returned) in _state.Returned)
        {
            lines.Add((serial, LineOf(returned.Sale, returned.Refunded ? SaleLineStatus.Refunded : SaleLineStatus.Refunding)));
        }
        lines.Sort((a, b) => a.Serial.CompareTo(b.Serial));
        return lines.ConvertAll(l => l.Line);
    }

    private SaleLine LineOf(SaleRecord sale, SaleLineStatus status)
    {
        var sectionIds = sale.GaSection >= 0
            ? _sections[sale.GaSection].SectionId
            : string.Join(' ', sale.Seats.Select(o => SectionOf(o).SectionId).Distinct());
        return new SaleLine(sale.BookingId, sale.SoldAt == default ? null : sale.SoldAt, sectionIds, sale.Seats.Length + sale.GaCount, AmountOf(sale), status, Currency);
    }

    private decimal AmountOf(SaleRecord sale)
    {
        var amount = sale.GaSection >= 0 ? _sections[sale.GaSection].Price * sale.GaCount : 0m;
        foreach (var ordinal in sale.Seats) amount += SectionOf(ordinal).Price;
        return amount;
    }
}
