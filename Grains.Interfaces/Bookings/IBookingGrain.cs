using TicketMaster.Events;

namespace TicketMaster.Bookings;

/// <summary>
/// One booking (key: <see cref="BookingIds.For"/> of user and idempotency key), so replays of one
/// request meet in one grain. It runs the sale's saga and keeps no state of its own: each step is
/// durable in a batched journal (the fan's shard, the payment's ledger, the event's journal).
/// </summary>
[Alias("IBookingGrain")]
public interface IBookingGrain : IGrainWithStringKey
{
    /// <summary>Pins the hold, charges, confirms; resumes where a previous attempt stopped.</summary>
    [Alias("Book")]
    Task<BookResult> Book(BookCommand command);

    /// <summary>The booking once confirmed (or cancelled since), else null.</summary>
    [Alias("Get")]
    Task<Booking?> Get();

    /// <summary>Refunds and returns the seats to sale.</summary>
    [Alias("Cancel")]
    Task<CancelResult> Cancel(string userId);

    /// <summary>
    /// Moves tickets of the booking to <paramref name="toUserId"/>, who gets them as a booking of
    /// their own with new codes; the booking as it is now on success. <paramref name="toEmail"/>, when
    /// given, is mailed the tickets once the move is durable.
    /// </summary>
    [Alias("Transfer")]
    Task<TransferResult> Transfer(string userId, string toUserId, IReadOnlyList<string> ticketIds, string? toEmail = null);

    /// <summary>
    /// The organiser cancelled the booking's event: refunds whatever was charged, whoever owns it
    /// and whenever the event starts. False when nothing was charged under this booking. Repeating it is harmless.
    /// </summary>
    [Alias("RefundCancelledEvent")]
    Task<bool> RefundCancelledEvent();

    /// <summary>
    /// The event found this booking's sale unsettled long after its payment should have ended (the
    /// booking died mid-saga and its fan never retried): charged means confirm, not charged means
    /// unpin, a returned sale is refunded. Waits behind a running attempt; repeating it is harmless.
    /// </summary>
    [Alias("Settle")]
    Task Settle(string reservationId);
}
