using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.WaitingRoom;

/// <summary>
/// Signs and checks admission tokens (<c>payload.mac</c>, base64url) bound to event, user and
/// expiry, and queue tickets that carry the fan's place, so neither is stored to be checked.
/// Shared by the silos (join shards, the event grain's /reserve check) and the frontends (status
/// and tokens answered from cached watermarks): all need the same <c>WaitingRoom:SigningKey</c>.
/// </summary>
public sealed class AdmissionTokens
{
    private const string TicketPrefix = "qt_";
    private const byte TicketVersion = 1;

    // version, shard (2 bytes), index within the shard (4), join time in unix milliseconds (8).
    private const int PlaceBytes = 15;

    // 128 bits of HMAC-SHA256 keeps the ticket short (46 characters) and unforgeable.
    private const int TicketMacBytes = 16;

    private readonly byte[] _key;

    /// <param name="signingKey">When null or empty a random key is made: only a single process can then check what it signed.</param>
    public AdmissionTokens(string? signingKey)
    {
        _key = string.IsNullOrEmpty(signingKey) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(signingKey);
    }

    public string Issue(string eventId, string userId, DateTimeOffset expiresAt)
    {
        var payload = Encoding.UTF8.GetBytes($"{eventId}\n{userId}\n{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return $"{Base64Url(payload)}.{Base64Url(Mac(payload))}";
    }

    public bool IsValid(string? token, string eventId, string userId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return false;
        var dot = token.IndexOf('.');
        if (dot <= 0) return false;
        try
        {
            var payload = FromBase64Url(token[..dot]);
            var mac = FromBase64Url(token[(dot + 1)..]);
            if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload))) return false;
            var parts = Encoding.UTF8.GetString(payload).Split('\n');
            return parts.Length == 3 && parts[0] == eventId && parts[1] == userId
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && now.ToUnixTimeSeconds() < expires;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The queue ticket for a place: the same place always gives the same ticket, so joining twice cannot jump the queue.</summary>
    public string Ticket(string eventId, string userId, QueuePlace place)
    {
        var payload = new byte[PlaceBytes];
        payload[0] = TicketVersion;
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(1), checked((ushort)place.Shard));
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(3), checked((uint)place.Index));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(7), place.JoinedAt.ToUnixTimeMilliseconds());
        return $"{TicketPrefix}{Base64Url(payload)}.{Base64Url(TicketMac(eventId, userId, payload))}";
    }

    /// <summary>The place a ticket carries, or null unless this key signed it for this user and event.</summary>
    public QueuePlace? ReadTicket(string? ticket, string eventId, string userId)
    {
        if (ticket is null || !ticket.StartsWith(TicketPrefix, StringComparison.Ordinal) || ticket.Length > 100) return null;
        var dot = ticket.IndexOf('.', TicketPrefix.Length);
        if (dot < 0) return null;
        try
        {
            var payload = FromBase64Url(ticket[TicketPrefix.Length..dot]);
            var mac = FromBase64Url(ticket[(dot + 1)..]);
            if (payload.Length != PlaceBytes || payload[0] != TicketVersion
                || !CryptographicOperations.FixedTimeEquals(mac, TicketMac(eventId, userId, payload)))
            {
                return null;
            }
            return new QueuePlace(
                BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(1)),
                BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(7))));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] TicketMac(string eventId, string userId, byte[] payload)
    {
        var bound = Encoding.UTF8.GetBytes($"ticket\n{eventId}\n{userId}\n");
        return Mac([.. bound, .. payload]).AsSpan(0, TicketMacBytes).ToArray();
    }

    private byte[] Mac(byte[] data) => HMACSHA256.HashData(_key, data);

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
