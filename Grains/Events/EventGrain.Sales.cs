using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class EventGrain
{
    // Synchronous reads of memory, like view: a report during an on-sale never waits for the bookings' appends.
    public Task<SalesReport?> GetSalesReport()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<SalesReport?>(null));
        Map.ExpireDue(Now);
        return Task.FromResult<SalesReport?>(Map.Report());
    }

    public Task<IReadOnlyList<SaleLine>?> GetSalesLines()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<IReadOnlyList<SaleLine>?>(null));
        return Task.FromResult<IReadOnlyList<SaleLine>?>(Map.SaleLines());
    }
}
