using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace TicketMaster.Hosting;

/// <summary>
/// The one place exceptions become problem+json: what the client sent wrong is a 400 naming the
/// field; a retryable cluster condition is a 503 with Retry-After; anything else is our fault.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                var field = FieldOf(bad);
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Describe(bad)] })
                {
                    Status = bad.StatusCode,
                    Title = "The request is not valid.",
                    Detail = $"'{field}': {Describe(bad)}",
                };
                break;
            // ITransientFailure: something the call needed (a search index) did not answer; the host itself is fine.
            // ConnectionFailedException: a client-mode frontend whose silos are gone (restarting, or moved).
            case RetryableException or ITransientFailure or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
                or TimeoutException:
                httpContext.Response.Headers.RetryAfter = "1";
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Temporarily unavailable; try again.",
                    Detail = exception.Message,
                };
                break;
            default:
                return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The JSON path of a malformed body (<c>$.quantity</c> -> <c>quantity</c>), else "body".</summary>
    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 2 } path }) return path.TrimStart('$', '.');
        var message = bad.Message;
        var quote = message.IndexOf('"');
        if (quote >= 0 && message.IndexOf('"', quote + 1) is var end and > 0)
        {
            // "Failed to bind parameter "int page" from "abc"." -> page
            var parameter = message[(quote + 1)..end];
            return parameter.Split(' ').Last();
        }
        return "body";
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => "Malformed JSON or a value of the wrong type" + (json.Path is null ? "." : $" at {json.Path}."),
        _ => bad.Message,
    };
}
