using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Grains.Bookings;

/// <summary>A booking as fans see it: whose it is from its shard, what it bought from its event.</summary>
public static class BookingView
{
    /// <summary>Null until the sale is confirmed: a booking being paid for, or one that never sold, is nobody's yet.</summary>
    public static Booking? Of(BookingEntry entry, SaleView? sale) => sale?.Status switch
    {
        SaleStatus.Sold => Build(entry, sale, BookingStatus.Confirmed),
        SaleStatus.Returned or SaleStatus.Refunded => Build(entry, sale, BookingStatus.Cancelled),
        _ => null,
    };

    private static Booking Build(BookingEntry entry, SaleView sale, BookingStatus status) =>
        new(entry.BookingId, sale.EventId, entry.UserId, entry.ReservationId, status, sale.Total, sale.Currency, sale.Tickets, entry.CreatedAt);
}
