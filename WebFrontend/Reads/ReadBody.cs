using System.IO.Compression;
using System.Security.Cryptography;

namespace TicketMaster.WebFrontend.Reads;

/// <summary>
/// One answer as it is sent: the JSON, its ETag, and its Brotli and gzip forms, each made once on
/// first demand (at <see cref="CompressionLevel.Optimal"/>: paid once per version, not per request;
/// docs/reads.md has the measurement). Shared between requests and never changed.
/// </summary>
public sealed class ReadBody
{
    private readonly Lock _lock = new();
    private readonly Action<long>? _grew;
    private byte[]? _brotli;
    private byte[]? _gzip;

    /// <param name="grew">Told the bytes a compressed form adds when it is first made.</param>
    /// <param name="etag">The tag when the caller names the state the body shows better than its bytes do; else one from the bytes.</param>
    public ReadBody(byte[] json, Action<long>? grew = null, string? etag = null)
    {
        Json = json;
        _grew = grew;
        ETag = etag ?? $"\"{Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 12))}\"";
    }

    public byte[] Json { get; }

    /// <summary>From the content (or the state the caller named), so every frontend gives the same body the same tag.</summary>
    public string ETag { get; }

    /// <summary>The body in <paramref name="coding"/>.</summary>
    public byte[] In(ContentCoding coding)
    {
        if (coding == ContentCoding.Identity) return Json;
        lock (_lock)
        {
            ref var form = ref coding == ContentCoding.Brotli ? ref _brotli : ref _gzip;
            if (form is null)
            {
                form = Compress(coding);
                _grew?.Invoke(form.Length);
            }
            return form;
        }
    }

    private byte[] Compress(ContentCoding coding)
    {
        using var buffer = new MemoryStream(Json.Length / 4);
        using (Stream compressor = coding == ContentCoding.Brotli
                   ? new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true)
                   : new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(Json);
        }
        return buffer.ToArray();
    }
}
