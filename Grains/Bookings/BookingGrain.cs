using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Bookings;

/// <summary>
/// Pay and confirm, as a saga whose every step is durable in a batched journal and repeatable:
/// pin the hold (the event's journal), begin (the fan's shard records the booking and its
/// reservation), charge with the booking id as the payment's idempotency key (the gateway's ledger),
/// confirm (the event's journal, which derives the tickets). The grain keeps no state: a replay,
/// on any silo, reads where the sale stands from the shard and the event and goes on from there.
/// Not reentrant, so a replay that arrives while the first call runs waits and then finds its sale.
/// </summary>
public sealed class BookingGrain(
    IPaymentGateway payments,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<BookingOptions> options) : Grain, IBookingGrain
{
    private string BookingId => this.GetPrimaryKeyString();

    private IBookingShardGrain Shard => GrainFactory.GetGrain<IBookingShardGrain>(BookingIds.ShardOf(BookingId));

    private IEventGrain EventOf(string reservationId) => GrainFactory.GetGrain<IEventGrain>(ReservationIds.EventIdOf(reservationId)!);

    public async Task<BookResult> Book(BookCommand command)
    {
        if (ReservationIds.EventIdOf(command.ReservationId) is null) return new BookResult(BookStatus.ReservationNotFound);
        var eventGrain = EventOf(command.ReservationId);
        // Both durable before anything is charged, and written at once: the pin keeps the hold from
        // expiring while the fan pays; the entry binds this key to this reservation, so its charge is
        // only ever for the reservation the entry names.
        var proposed = new BookingEntry(BookingId, command.UserId, command.ReservationId, time.GetUtcNow(), Email: command.Email);
        var pinning = eventGrain.Pin(command.ReservationId, command.UserId, BookingId);
        var beginning = Shard.Begin(proposed);
        await Task.WhenAll(pinning, beginning);
        var (pinned, entry) = (await pinning, await beginning);
        if (pinned.Status != HoldStatus.Ok)
        {
            // Nothing stays recorded for a hold that is not the fan's to pay for: made-up requests leave no trace.
            if (entry == proposed) await Shard.Forget(proposed);
            return Refusal(pinned.Status);
        }

        if (pinned.Sale is { } done) return Answer(entry, done);
        if (entry.UserId != command.UserId || entry.ReservationId != command.ReservationId || entry.DeclineReason is not null)
        {
            await eventGrain.Unpin(command.ReservationId, BookingId);
            return entry.DeclineReason is { } declined && entry.ReservationId == command.ReservationId
                ? new BookResult(BookStatus.PaymentDeclined, DeclineReason: declined)
                : new BookResult(BookStatus.KeyReused);
        }

        var charged = await Charge(command.PaymentToken, pinned.Reservation!);
        if (charged is null)
        {
            Count("timeout");
            await eventGrain.Unpin(command.ReservationId, BookingId);
            return new BookResult(BookStatus.PaymentTimedOut);
        }
        if (!charged.Approved)
        {
            Count("declined");
            var reason = charged.DeclineReason ?? "declined";
            await Task.WhenAll(Shard.Decline(BookingId, reason), eventGrain.Unpin(command.ReservationId, BookingId));
            return new BookResult(BookStatus.PaymentDeclined, DeclineReason: reason);
        }
        GrainMetrics.Payments.Add(1, new KeyValuePair<string, object?>("outcome", "charged"));
        return await Confirm(entry, charged.ChargeId!);
    }

    /// <summary>Charged: the seats become sold, or (the event was cancelled meanwhile) the money goes back.</summary>
    private async Task<BookResult> Confirm(BookingEntry entry, string chargeId)
    {
        var eventGrain = EventOf(entry.ReservationId);
        var confirmed = await eventGrain.Confirm(entry.ReservationId, BookingId, entry.Email);
        if (confirmed.Status == HoldStatus.Ok) return Answer(entry, confirmed.Sale!);

        // Unreachable while the pin holds, except when the organiser cancelled the event; either way the money goes back.
        await payments.Refund(chargeId, CancellationToken.None);
        await eventGrain.MarkRefunded(entry.ReservationId, BookingId, entry.Email);
        return new BookResult(BookStatus.ReservationGone);
    }

    public async Task<Booking?> Get()
    {
        if (await Shard.Find(BookingId) is not { } entry) return Nothing<Booking?>(null);
        return BookingView.Of(entry, await EventOf(entry.ReservationId).GetSale(entry.ReservationId, BookingId));
    }

    public async Task<CancelResult> Cancel(string userId)
    {
        if (await Shard.Find(BookingId) is not { } entry) return Nothing(new CancelResult(CancelStatus.NotFound));
        var eventGrain = EventOf(entry.ReservationId);
        var sale = await eventGrain.GetSale(entry.ReservationId, BookingId);
        if (BookingView.Of(entry, sale) is null) return new CancelResult(CancelStatus.NotFound);
        if (entry.UserId != userId) return new CancelResult(CancelStatus.Forbidden);

        if (sale!.Status == SaleStatus.Sold)
        {
            var startsAt = (await eventGrain.GetView())?.StartsAt;
            if (startsAt is { } start && time.GetUtcNow() >= start) return new CancelResult(CancelStatus.TooLate);
            // Seats first, then money: a crash between leaves a refund under way, which the event's sweep finishes.
            var returned = await eventGrain.ReturnSeats(entry.ReservationId, BookingId);
            if (returned.Status == HoldStatus.Conflict) return new CancelResult(CancelStatus.TicketsUsed);
            sale = returned.Sale;
        }
        if (sale?.Status == SaleStatus.Returned) sale = await Refund(entry);
        return new CancelResult(CancelStatus.Cancelled, BookingView.Of(entry, sale));
    }

    public async Task<TransferResult> Transfer(string userId, string toUserId, IReadOnlyList<string> ticketIds, string? toEmail = null)
    {
        if (await Shard.Find(BookingId) is not { } entry) return Nothing(TransferResult.Refused(TransferStatus.NotFound));
        var eventGrain = EventOf(entry.ReservationId);
        var sale = await eventGrain.GetSale(entry.ReservationId, BookingId);
        if (BookingView.Of(entry, sale) is null) return TransferResult.Refused(TransferStatus.NotFound);
        if (entry.UserId != userId) return TransferResult.Refused(TransferStatus.Forbidden);
        if (sale!.Status != SaleStatus.Sold) return TransferResult.Refused(TransferStatus.Cancelled);

        // The receiver's entry first: it lists nothing until the event moves the tickets to it, so
        // the event's one change is the moment they change hands (a refused transfer leaves an empty entry).
        var received = BookingIds.For(toUserId, $"transfer\n{Guid.NewGuid():N}");
        await GrainFactory.GetGrain<IBookingShardGrain>(BookingIds.ShardOf(received))
            .Begin(new BookingEntry(received, toUserId, entry.ReservationId, time.GetUtcNow(), Email: toEmail));
        var result = await eventGrain.Transfer(entry.ReservationId, BookingId, ticketIds, received, toEmail);
        return result.Status == TransferStatus.Transferred ? result with { Booking = BookingView.Of(entry, result.Sale) } : result;
    }

    public async Task<bool> RefundCancelledEvent()
    {
        if (await payments.Find(BookingId, CancellationToken.None) is not { } charge) return false;
        if (!charge.Refunded) await payments.Refund(charge.ChargeId, CancellationToken.None);
        return true;
    }

    public async Task Settle(string reservationId)
    {
        var eventGrain = EventOf(reservationId);
        var sale = await eventGrain.GetSale(reservationId, BookingId);
        if (sale is null || sale.Status is SaleStatus.Sold or SaleStatus.Refunded) return;
        var entry = await Shard.Find(BookingId);
        if (sale.Status == SaleStatus.Returned)
        {
            if (entry is not null) await Refund(entry);
            return;
        }
        var charge = await payments.Find(BookingId, CancellationToken.None);
        // A charge under this key is for the reservation its entry names, and no other.
        if (entry?.ReservationId == reservationId && charge is { Refunded: false }) await Confirm(entry, charge.ChargeId);
        else await eventGrain.Unpin(reservationId, BookingId);
    }

    /// <summary>
    /// A returned sale's money goes back (once, whatever is repeated), and the event records it, owing the fan one
    /// mail at the address the entry keeps (by the sweep too, when the fan's own call died before this).
    /// </summary>
    private async Task<SaleView?> Refund(BookingEntry entry)
    {
        if (await payments.Find(BookingId, CancellationToken.None) is { Refunded: false } charge) await payments.Refund(charge.ChargeId, CancellationToken.None);
        var eventGrain = EventOf(entry.ReservationId);
        await eventGrain.MarkRefunded(entry.ReservationId, BookingId, entry.Email);
        return await eventGrain.GetSale(entry.ReservationId, BookingId);
    }

    /// <summary>The gateway's answer, or null when it timed out.</summary>
    private async Task<PaymentResult?> Charge(string token, Reservation reservation)
    {
        using var timeout = new CancellationTokenSource(options.Value.PaymentTimeout);
        try
        {
            return await payments.Charge(new PaymentRequest(BookingId, token, reservation.Total, reservation.Currency), timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private static void Count(string failure)
    {
        GrainMetrics.PaymentFailures.Add(1, new KeyValuePair<string, object?>("reason", failure));
        GrainMetrics.Payments.Add(1, new KeyValuePair<string, object?>("outcome", failure));
    }

    /// <summary>A replay after the sale was settled: confirmed (or cancelled since) is the same booking; anything else means the seats are gone.</summary>
    private static BookResult Answer(BookingEntry entry, SaleView sale) =>
        BookingView.Of(entry, sale) is { } booking ? new BookResult(BookStatus.Confirmed, booking) : new BookResult(BookStatus.ReservationGone);

    private static BookResult Refusal(HoldStatus status) => status switch
    {
        HoldStatus.NotFound => new BookResult(BookStatus.ReservationNotFound),
        HoldStatus.Forbidden => new BookResult(BookStatus.Forbidden),
        HoldStatus.Gone => new BookResult(BookStatus.ReservationGone),
        _ => new BookResult(BookStatus.ReservationInUse),
    };

    /// <summary>An id someone made up, or a booking that never started: no reason to stay in memory.</summary>
    private T Nothing<T>(T answer)
    {
        DeactivateOnIdle();
        return answer;
    }
}
