using Microsoft.Net.Http.Headers;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// Headers on every answer: no MIME sniffing, no framing (X-Frame-Options and CSP frame-ancestors),
/// same-origin referrers. Pages bring their own CSP with a nonce (WebAppSetup); every other
/// answer gets one that allows nothing, since JSON, SVG and assets are never meant to run as a
/// document. Kestrel sends no Server header (RequestLimits).
/// </summary>
public static class SecurityHeaders
{
    public const string NoContentPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>First in the pipeline: its callback runs last, after the pages have set theirs.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = NoContentPolicy;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
