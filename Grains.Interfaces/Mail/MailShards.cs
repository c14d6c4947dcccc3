using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.Mail;

/// <summary>Which outbox shard keeps a mail: by a hash of its id, so a mail handed on twice lands where its first copy is.</summary>
public static class MailShards
{
    /// <summary>Fixed: a mail must find its shard (and its duplicate check) again after any restart.</summary>
    public const int Count = 8;

    public static int Of(string mailId) => SHA256.HashData(Encoding.UTF8.GetBytes(mailId))[0] % Count;

    /// <summary>The confirmation of <paramref name="bookingId"/>: a booking is confirmed once, so this names the mail.</summary>
    public static string ConfirmationOf(string bookingId) => $"booking-confirmed/{bookingId}";

    /// <summary>The news to <paramref name="bookingId"/>'s fan that the event is cancelled and the booking refunded.</summary>
    public static string CancellationOf(string bookingId) => $"event-cancelled/{bookingId}";

    /// <summary>The news to <paramref name="bookingId"/>'s fan that the event moved, once per move (the event's document version names it).</summary>
    public static string MoveOf(string bookingId, long documentVersion) => $"event-moved/{bookingId}/{documentVersion}";

    /// <summary>The news to <paramref name="bookingId"/>'s fan that the booking they cancelled is refunded: a sale is refunded once, so this names the mail.</summary>
    public static string BookingCancellationOf(string bookingId) => $"booking-cancelled/{bookingId}";

    /// <summary>The seats the waitlist held for a fan as <paramref name="reservationId"/>: one offer is one hold, so this names the mail.</summary>
    public static string WaitlistOfferOf(string reservationId) => $"waitlist-offer/{reservationId}";

    /// <summary>The tickets moved into <paramref name="receivedBookingId"/> (one booking per transfer), for their receiver.</summary>
    public static string TransferOf(string receivedBookingId) => $"tickets-received/{receivedBookingId}";
}
