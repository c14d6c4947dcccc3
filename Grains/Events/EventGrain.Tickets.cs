using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The door and transfers. Both decide in one turn against the same sale, so a scan, a transfer
/// and a fan's cancel of one ticket are ordered and only the first can win; each answers only once
/// what it decided (or the change it saw) is durable, so a restart never admits a ticket twice.
/// </summary>
public sealed partial class EventGrain
{
    public async Task<ScanResult> Scan(string code)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(ScanResult.UnknownCode);
        var result = Map.Scan(code, Now);
        // A repeat waits too: the admission it reports may still be in the batch being written.
        if (result.Status != ScanStatus.UnknownCode) await _persistence.Durable();
        if (result.Status == ScanStatus.Admitted) GrainMetrics.TicketsScanned.Add(1);
        return result;
    }

    public async Task<TransferResult> Transfer(string reservationId, string fromBookingId, IReadOnlyList<string> ticketIds, string toBookingId, string? mailTo = null)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(TransferResult.Refused(TransferStatus.NotFound));
        if (mailTo is not null) await EnsureMailReminder();
        _persistence.EnsureCurrent();
        if (Now >= State.Definition!.StartsAt && !State.Cancelled) return TransferResult.Refused(TransferStatus.Started);
        var result = Map.Transfer(reservationId, fromBookingId, ticketIds, toBookingId, mailTo);
        await _persistence.Durable();
        return result;
    }
}
