using Microsoft.Extensions.Logging;
using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// An organiser's cancellation. It is durable before any refund starts; the sales still to refund
/// are the progress, kept in the journal like every seat change, so a cancellation that dies
/// midway resumes where it stopped: on the next call, or at the reminder's next tick on any silo.
/// A booking refunds at most once whatever is repeated (its own stage, and the gateway's idempotency).
/// </summary>
public sealed partial class EventGrain : IRemindable
{
    private const string RefundReminder = "refund-bookings";

    /// <summary>Orleans' shortest reminder period: how soon refunds that failed are tried again without a call.</summary>
    private static readonly TimeSpan RefundRetryPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long a cancel call waits for the refunds before it answers with the progress so far.</summary>
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(10);

    /// <summary>Refunds under way at once; their changes meet in the same group commits.</summary>
    private const int RefundsInFlight = 16;

    private Task? _refunds;

    public async Task<CancelEventResult> Cancel()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(CancelEventResult.NotFound);
        if (!State.Cancelled)
        {
            if (Now >= State.Definition!.StartsAt) return CancelEventResult.Started;
            // Registered before the cancellation is durable, so no crash falls between the two; a tick
            // that finds the event not cancelled (the write failed) just unregisters.
            if (Map.SaleCount > 0) await this.RegisterOrUpdateReminder(RefundReminder, RefundRetryPeriod, RefundRetryPeriod);
            _persistence.EnsureCurrent();
            if (!State.Cancelled)
            {
                Map.ExpireDue(Now);
                Map.DropHolds();
                Record(new EventCancelled(State.DocumentVersion + 1));
                await _persistence.Durable();
                await PublishSearchDocument();
                if (State.QueueActive) await TellWaitingRoom(soldOut: true);
            }
        }
        try
        {
            await RefundBookings().WaitAsync(CancelWait);
        }
        catch (TimeoutException)
        {
            // Still refunding: the answer says how far, and the refunds go on without the caller.
        }
        return new CancelEventResult(CancelEventStatus.Cancelled, State.BookingsRefunded, Map.SaleCount);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == MailReminder)
        {
            await ReceiveMailReminder();
            return;
        }
        if (reminderName != RefundReminder) return;
        if (Map is not null && State.Cancelled && Map.SaleCount > 0)
        {
            await RefundBookings();
            if (Map.SaleCount > 0) return;
        }
        if (await this.GetReminder(RefundReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>One pass over the sales left; callers that arrive while it runs wait for the same pass.</summary>
    private Task RefundBookings() => _refunds is { IsCompleted: false } running ? running : _refunds = RefundPass();

    private async Task RefundPass()
    {
        // A call that arrives while another's cancellation is still being written must not refund before it is durable.
        await _persistence.Durable();
        foreach (var sales in Map!.Sales().Chunk(RefundsInFlight))
        {
            await Task.WhenAll(sales.Select(sale => Refund(sale.Serial, sale.BookingId)));
        }
    }

    private async Task Refund(int serial, string bookingId)
    {
        string? mailTo;
        try
        {
            if (!await GrainFactory.GetGrain<IBookingGrain>(bookingId).RefundCancelledEvent()) LogNothingToRefund(logger, EventId, bookingId);
            mailTo = (await GrainFactory.GetGrain<IBookingShardGrain>(BookingIds.ShardOf(bookingId)).Find(bookingId))?.Email;
            if (mailTo is not null) await EnsureMailReminder();
        }
        catch (Exception e)
        {
            // Left for the next pass; the other refunds go on.
            LogRefundFailed(logger, e, EventId, bookingId);
            return;
        }
        _persistence.EnsureCurrent();
        // The booking may have refunded this sale itself meanwhile (a confirmation after the cancellation).
        if (!Map!.HasSale(serial)) return;
        Record(new BookingRefunded(serial, mailTo));
        await _persistence.Durable();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: refunding booking {BookingId} failed; the next pass retries")]
    private static partial void LogRefundFailed(ILogger logger, Exception exception, string eventId, string bookingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: booking {BookingId} had nothing to refund for its sale")]
    private static partial void LogNothingToRefund(ILogger logger, string eventId, string bookingId);
}
