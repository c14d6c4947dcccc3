using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TicketMaster.WebFrontend.Hosting;

namespace TicketMaster.WebFrontend.Reads;

/// <summary>
/// An answer of <see cref="EventReadCache"/> as HTTP: its body in the best form the client accepts
/// (Brotli, gzip, or as is; made once per body, not per request), its ETag (304 when the client has
/// it), a second of caching, and when it is stale the headers that say so: <c>Age</c> and
/// <c>Warning: 110</c>. The OpenAPI document lists it as a <typeparamref name="T"/>.
/// </summary>
public sealed class CachedJson<T>(EventReadAnswer answer) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = answer.Body ?? throw new InvalidOperationException("An answer without a body is a 404, not a CachedJson.");
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = body.ETag;
        // Availability moves with every sale: caches may serve a copy for a second, no longer.
        headers.CacheControl = "public, max-age=1";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (answer.Stale)
        {
            headers.Age = ((long)Math.Max(0, answer.Age.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            headers.Warning = EventReadAnswer.StaleWarning;
        }
        if (ClientHas(httpContext.Request, body.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var compress = httpContext.RequestServices.GetRequiredService<IOptions<ResponseCompressionSettings>>().Value.Enabled;
        var coding = compress ? Negotiate(httpContext.Request.Headers.AcceptEncoding) : ContentCoding.Identity;
        var bytes = body.In(coding);
        if (coding != ContentCoding.Identity) headers.ContentEncoding = coding == ContentCoding.Brotli ? "br" : "gzip";
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));

    private static bool ClientHas(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));

    /// <summary>The accepted coding of the highest weight; Brotli (smaller) before gzip at equal weight, as is when neither is accepted.</summary>
    private static ContentCoding Negotiate(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings)) return ContentCoding.Identity;
        double Weight(string name) =>
            codings.Where(c => c.Value.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(c => c.Quality ?? 1).DefaultIfEmpty(
                codings.Where(c => c.Value == "*").Select(c => c.Quality ?? 1).DefaultIfEmpty(0).First()).First();
        var brotli = Weight("br");
        var gzip = Weight("gzip");
        if (brotli > 0 && brotli >= gzip) return ContentCoding.Brotli;
        return gzip > 0 ? ContentCoding.Gzip : ContentCoding.Identity;
    }
}
