using Microsoft.AspNetCore.Http.Features;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// The request-line and header limits, enforced here so a request past them gets a 414 or 431
/// problem+json naming what was too long; a body past <see cref="MaxRequestBodyBytes"/> is a 413. Kestrel's own limits sit at twice these: it still
/// answers requests beyond those, and malformed HTTP, itself with an empty body (docs/api.md).
/// </summary>
public static class RequestLimits
{
    /// <summary>Kestrel's defaults, which the API was written against.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxRequestHeadersBytes = 32 * 1024;

    /// <summary>Every body the API takes is a few hundred bytes; Kestrel's default of 30 MB would let each connection hold that much.</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddTicketMasterRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = 2 * MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        return builder;
    }

    public static IApplicationBuilder UseTicketMasterRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw.Length
            : (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        // "GET /path?query HTTP/1.1\r\n"
        var line = request.Method.Length + 1 + target + 1 + request.Protocol.Length + 2;
        if (line > MaxRequestLineBytes)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "The URL is too long.",
                detail: $"'url': the request line is {line} bytes; at most {MaxRequestLineBytes} are accepted.").ExecuteAsync(context);
            return;
        }

        // "Name: value\r\n" per header value, as on the wire.
        var total = 0;
        var largest = (Name: "", Bytes: 0);
        foreach (var (name, values) in request.Headers)
        {
            var bytes = values.Sum(v => name.Length + 2 + (v?.Length ?? 0) + 2);
            total += bytes;
            if (bytes > largest.Bytes) largest = (name, bytes);
        }
        if (total > MaxRequestHeadersBytes)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "The request headers are too large.",
                detail: $"'{largest.Name}': the request headers are {total} bytes (this one {largest.Bytes}); at most {MaxRequestHeadersBytes} are accepted.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
