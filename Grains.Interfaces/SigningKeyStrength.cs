using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TicketMaster;

/// <summary>
/// Whether a configured HMAC signing key carries at least 256 bits, counted as bytes of entropy,
/// not characters: either an encoding of at least 32 random bytes (hex, base64 or base64url, e.g.
/// <c>openssl rand -base64 32</c>) that do not deflate below 256 bits, as random bytes never do
/// and repeated patterns do; or a passphrase of at least 64 characters that both its character
/// frequencies (Shannon) and its deflated size put at 256 bits or more. Either way the key's
/// UTF-8 bytes sign: the check judges the key, it does not change how it is used.
/// </summary>
public static class SigningKeyStrength
{
    public const int MinBytes = 32;
    public const int MinPassphraseLength = 64;
    public const double MinBits = 256;

    public const string Advice = "at least 32 random bytes as hex or base64 (e.g. `openssl rand -base64 32`), or a passphrase of 64+ varied characters";

    /// <summary>A key that reads as hex or base64 is judged by the bytes it encodes, so an encoded pattern cannot pass as a passphrase.</summary>
    public static bool IsStrong(string key) => Decode(key) is { } bytes ? FromBytes(bytes) : FromPassphrase(key);

    /// <summary>
    /// The estimated bits of a passphrase: the smaller of its length in code points × the Shannon
    /// entropy of its character frequencies, and its size deflated, which sees repeated stretches
    /// that character frequencies do not.
    /// </summary>
    public static double PassphraseBits(string key) => Math.Min(ShannonBits(key), DeflatedBits(key));

    private static double DeflatedBits(string key) => DeflatedBits(Encoding.UTF8.GetBytes(key));

    private static double DeflatedBits(byte[] data)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(data);
        }
        return deflated.Length * 8.0;
    }

    private static double ShannonBits(string key)
    {
        var counts = new Dictionary<int, int>();
        var length = 0;
        foreach (var rune in key.EnumerateRunes())
        {
            counts[rune.Value] = counts.GetValueOrDefault(rune.Value) + 1;
            length++;
        }
        if (length == 0) return 0;
        var perCharacter = counts.Values.Sum(c => -(double)c / length * Math.Log2((double)c / length));
        return perCharacter * length;
    }

    private static bool FromPassphrase(string key) =>
        key.EnumerateRunes().Count() >= MinPassphraseLength && PassphraseBits(key) >= MinBits;

    /// <summary>Random bytes do not deflate; a repeated pattern does, below 256 bits.</summary>
    private static bool FromBytes(byte[] bytes) => bytes.Length >= MinBytes && DeflatedBits(bytes) >= MinBits;

    private static byte[]? Decode(string key)
    {
        var text = key.Trim();
        // Base64 decoding skips white space; a key with spaces inside is a passphrase.
        if (text.Length == 0 || text.Any(char.IsWhiteSpace)) return null;
        if (text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit)) return Convert.FromHexString(text);
        var base64 = text.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (base64.Length % 4 == 1) return null;
        var padded = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var buffer = new byte[padded.Length * 3 / 4];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The error that stops the start, naming the configuration key.</summary>
    public static InvalidOperationException Weak(string configurationKey) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Configuration '{configurationKey}' is too weak: a signing key needs 256 bits of entropy, {Advice}."));
}
