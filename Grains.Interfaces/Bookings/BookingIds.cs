using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.Bookings;

public static class BookingIds
{
    /// <summary>
    /// The booking id for a user's idempotency key: deterministic, so a replay (even while the
    /// first call runs, or after it died) reaches the same grain; hashed, so it reveals neither.
    /// Its first byte is the user's (<see cref="UserSlot"/>), so the id alone finds the shard that
    /// lists the user's bookings: one journal holds both "whose is this booking" and "a fan's bookings".
    /// </summary>
    public static string For(string userId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{idempotencyKey}"));
        hash[0] = UserSlot(userId);
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private const string Prefix = "bk_";

    /// <summary>The shard of <see cref="IBookingShardGrain"/> that keeps the bookings of <paramref name="userId"/>.</summary>
    public static int ShardOfUser(string userId) => UserSlot(userId) % BookingShards;

    /// <summary>The shard that keeps <paramref name="bookingId"/>; an id not made by <see cref="For"/> is hashed whole.</summary>
    public static int ShardOf(string bookingId) =>
        TryCompact(bookingId, out _)
            ? Convert.FromHexString(bookingId.AsSpan(Prefix.Length, 2))[0] % BookingShards
            : UserSlot(bookingId) % BookingShards;

    /// <summary>
    /// Fixed: an id must find its shard again after any restart. Few enough that each shard's
    /// appends carry many bookings at once, enough that no one shard limits a sale.
    /// </summary>
    public const int BookingShards = 8;

    private static byte UserSlot(string userId) => SHA256.HashData(Encoding.UTF8.GetBytes(userId))[0];

    /// <summary>
    /// The 16 bytes an id made by <see cref="For"/> spells in hex, so that something keeping many
    /// booking ids (a sold-out event's sales) keeps 16 bytes each instead of a string. False for any other id.
    /// </summary>
    public static bool TryCompact(string bookingId, out Guid compact)
    {
        compact = default;
        if (bookingId.Length != Prefix.Length + 32 || !bookingId.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var hex = bookingId.AsSpan(Prefix.Length);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        }
        compact = new Guid(Convert.FromHexString(hex));
        return true;
    }

    /// <summary>The id <see cref="TryCompact"/> made <paramref name="compact"/> from.</summary>
    public static string FromCompact(Guid compact)
    {
        Span<byte> bytes = stackalloc byte[16];
        compact.TryWriteBytes(bytes);
        return Prefix + Convert.ToHexStringLower(bytes);
    }
}
