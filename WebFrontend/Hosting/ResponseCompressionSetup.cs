using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// Brotli and gzip for JSON, pages and scripts through ASP.NET Core's middleware, at
/// <see cref="CompressionLevel.Fastest"/> since it is paid on every request (docs/reads.md has the
/// measurement). Events' cached reads bring their own compressed forms, made once per version
/// (CachedJson), and fingerprinted assets their precompressed files (MapStaticAssets); the
/// middleware leaves an answer that already has a Content-Encoding alone.
/// BREACH: compression tells an observer a body's size, which leaks a secret when the body also
/// holds text an attacker chose. So only requests without credentials are compressed (no
/// Authorization, no admission token), and never the token endpoints (/api/v1/auth, whose answers
/// are tokens) or the waiting room (/api/v1/queue, tickets and admission tokens).
/// </summary>
public static class ResponseCompressionSetup
{
    private static readonly string[] Uncompressed = ["/api/v1/auth", "/api/v1/queue"];

    public static WebApplicationBuilder AddTicketMasterResponseCompression(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ResponseCompressionSettings>(builder.Configuration.GetSection(ResponseCompressionSettings.Section));
        builder.Services.AddResponseCompression(o =>
        {
            // HTTPS too: BREACH is answered by what is compressed (Compressible), not by the scheme.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "image/svg+xml"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static IApplicationBuilder UseTicketMasterResponseCompression(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(ResponseCompressionSettings.Section).Get<ResponseCompressionSettings>()
            ?? new ResponseCompressionSettings();
        if (settings.Enabled) app.UseWhen(Compressible, branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>Whether an answer to this request may be compressed (BREACH, above).</summary>
    public static bool Compressible(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(HeaderNames.Authorization) || request.Headers.ContainsKey("X-Admission-Token")) return false;
        return !Uncompressed.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
    }
}
