namespace TicketMaster.Events;

public enum TransferStatus
{
    Transferred,
    /// <summary>The booking has no sale of this event (or it was never confirmed).</summary>
    NotFound,
    /// <summary>The booking is another fan's.</summary>
    Forbidden,
    /// <summary>No account has the receiver's email.</summary>
    ReceiverNotFound,
    /// <summary>A ticket id is not one of the booking's; <see cref="TransferResult.Error"/> names it.</summary>
    Invalid,
    /// <summary>The event has started: tickets no longer move.</summary>
    Started,
    /// <summary>A ticket was admitted at the door already.</summary>
    Scanned,
    /// <summary>A ticket was moved to someone else already.</summary>
    Moved,
    /// <summary>The booking was cancelled (by its fan or with the event).</summary>
    Cancelled,
}

/// <summary>The answer to a transfer: the sender's sale (and, from the booking, its booking) as it is now, or why nothing moved.</summary>
[GenerateSerializer, Immutable, Alias("TransferResult")]
public sealed record TransferResult(
    [property: Id(0)] TransferStatus Status,
    [property: Id(1)] SaleView? Sale = null,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] TicketMaster.Bookings.Booking? Booking = null)
{
    public static TransferResult Refused(TransferStatus status) => new(status);
}
