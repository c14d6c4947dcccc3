namespace TicketMaster.Bookings;

/// <summary>
/// One booking (key: <see cref="BookingIds.For"/> of user and idempotency key), so replays of one
/// request meet in one grain and are answered from its state.
/// </summary>
[Alias("IBookingGrain")]
public interface IBookingGrain : IGrainWithStringKey
{
    /// <summary>Pins the hold, charges, confirms; resumes where a previous attempt stopped.</summary>
    [Alias("Book")]
    Task<BookResult> Book(BookCommand command);

    /// <summary>The booking once confirmed, else null.</summary>
    [Alias("Get")]
    Task<Booking?> Get();

    /// <summary>Refunds and returns the seats to sale.</summary>
    [Alias("Cancel")]
    Task<CancelResult> Cancel(string userId);

    /// <summary>
    /// The organiser cancelled the booking's event: refunds whatever was charged and marks the
    /// booking cancelled, whoever owns it and whenever the event starts. False when nothing was
    /// sold under this booking. Repeating it is harmless.
    /// </summary>
    [Alias("RefundCancelledEvent")]
    Task<bool> RefundCancelledEvent();
}
