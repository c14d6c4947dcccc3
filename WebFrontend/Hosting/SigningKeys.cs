using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// The frontend's two HMAC keys from configuration, judged by <see cref="SigningKeyStrength"/>:
/// weak keys stop the start naming the key; outside the embedded default both are required.
/// </summary>
public static class SigningKeys
{
    public const string Jwt = "Jwt:SigningKey";
    public const string WaitingRoom = "WaitingRoom:SigningKey";

    /// <summary>The access-token key's bytes; random in the embedded default when unset.</summary>
    public static byte[] JwtKey(IConfiguration configuration)
    {
        var key = configuration[Jwt];
        if (!string.IsNullOrEmpty(key)) return Encoding.UTF8.GetBytes(Checked(key, Jwt));
        if (configuration.IsEmbeddedDefault()) return RandomNumberGenerator.GetBytes(32);
        throw new InvalidOperationException($"Configuration '{Jwt}' is required (environment Jwt__SigningKey) outside the embedded default: {SigningKeyStrength.Advice}.");
    }

    /// <summary>The waiting room's key, or null in the embedded default, whose single process then makes one up.</summary>
    public static string? WaitingRoomKey(IConfiguration configuration)
    {
        var key = configuration[WaitingRoom];
        if (!string.IsNullOrEmpty(key)) return Checked(key, WaitingRoom);
        if (configuration.IsEmbeddedDefault()) return null;
        throw new InvalidOperationException(
            $"Configuration '{WaitingRoom}' is required (environment WaitingRoom__SigningKey) outside the embedded default: the same key on every silo and frontend, {SigningKeyStrength.Advice}.");
    }

    private static string Checked(string key, string name) => SigningKeyStrength.IsStrong(key) ? key : throw SigningKeyStrength.Weak(name);
}
