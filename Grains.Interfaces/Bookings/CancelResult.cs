namespace TicketMaster.Bookings;

public enum CancelStatus
{
    Cancelled,
    NotFound,
    Forbidden,
}

[GenerateSerializer, Immutable, Alias("CancelResult")]
public sealed record CancelResult(
    [property: Id(0)] CancelStatus Status,
    [property: Id(1)] Booking? Booking = null);
