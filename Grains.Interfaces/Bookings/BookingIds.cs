using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.Bookings;

public static class BookingIds
{
    /// <summary>
    /// The booking id for a user's idempotency key: deterministic, so a replay (even while the
    /// first call runs, or after it died) reaches the same grain; hashed, so it reveals neither.
    /// </summary>
    public static string For(string userId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{idempotencyKey}"));
        return "bk_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
