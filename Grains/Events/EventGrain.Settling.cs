using Microsoft.Extensions.Logging;
using TicketMaster.Bookings;

namespace TicketMaster.Grains.Events;

/// <summary>
/// Sales whose booking never came back. A booking runs its saga outside this grain (the payment
/// call never runs in an event's turn); if it dies mid-way and its fan never retries, the journal
/// still shows a pinned hold or a refund under way. The sweep hands each one, once it is older than
/// a payment can take, back to its booking grain, which asks the gateway and finishes it.
/// </summary>
public sealed partial class EventGrain
{
    /// <summary>Settlements under way, by reservation id: a slow one is not started twice.</summary>
    private readonly HashSet<string> _settling = [];

    private void SettleUnfinishedSales()
    {
        var before = Now - options.Value.PaymentTimeout - options.Value.SettleMargin;
        foreach (var (reservationId, bookingId) in Map!.Unsettled(before))
        {
            if (_settling.Add(reservationId)) _ = Settle(reservationId, bookingId);
        }
    }

    private async Task Settle(string reservationId, string bookingId)
    {
        try
        {
            await GrainFactory.GetGrain<IBookingGrain>(bookingId).Settle(reservationId);
        }
        catch (Exception e)
        {
            // Left for the next sweep.
            LogSettleFailed(logger, e, EventId, bookingId);
        }
        finally
        {
            _settling.Remove(reservationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: settling the unfinished sale of booking {BookingId} failed; the next sweep retries")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string eventId, string bookingId);
}
