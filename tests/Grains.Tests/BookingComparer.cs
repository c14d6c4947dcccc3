using TicketMaster.Bookings;

namespace TicketMaster.Grains.Tests;

/// <summary>Two answers describe the same booking: id, status and tickets (records compare lists by reference).</summary>
public sealed class BookingComparer : IEqualityComparer<Booking?>
{
    public bool Equals(Booking? x, Booking? y) =>
        x is not null && y is not null && x.BookingId == y.BookingId && x.Status == y.Status && x.Tickets.SequenceEqual(y.Tickets);

    public int GetHashCode(Booking? obj) => obj?.BookingId.GetHashCode(StringComparison.Ordinal) ?? 0;
}
