using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class EventGrain
{
    /// <summary>The last report and the version it is of: an organiser's page polling a still event costs no recount.</summary>
    private (long Version, SalesReport Report)? _report;

    // Synchronous reads of memory, like view: a report during an on-sale never waits for the bookings' appends.
    public Task<SalesReport?> GetSalesReport()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<SalesReport?>(null));
        Map.ExpireDue(Now);
        if (_report is not { } cached || cached.Version != State.Version) _report = cached = (State.Version, Map.Report());
        return Task.FromResult<SalesReport?>(cached.Report);
    }

    public Task<IReadOnlyList<SaleLine>?> GetSalesLines()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<IReadOnlyList<SaleLine>?>(null));
        return Task.FromResult<IReadOnlyList<SaleLine>?>(Map.SaleLines());
    }
}
