using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// Signs and checks admission tokens (<c>payload.mac</c>, base64url) bound to event, user and
/// expiry, and derives queue tickets, so neither needs to be stored to be checked.
/// </summary>
public sealed class AdmissionTokens
{
    private readonly byte[] _key;

    public AdmissionTokens(IOptions<WaitingRoomOptions> options)
    {
        var configured = options.Value.SigningKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
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

    /// <summary>The same user always gets the same ticket for an event: joining twice cannot jump the queue.</summary>
    public string Ticket(string eventId, string userId) =>
        "qt_" + Convert.ToHexStringLower(Mac(Encoding.UTF8.GetBytes($"ticket\n{eventId}\n{userId}")).AsSpan(0, 12));

    private byte[] Mac(byte[] data) => HMACSHA256.HashData(_key, data);

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
