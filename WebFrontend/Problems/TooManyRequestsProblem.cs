using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace TicketMaster.WebFrontend.Problems;

/// <summary>
/// 429 problem+json with Retry-After in whole seconds (at least 1): a rate limit's rejection and a
/// locked account's answer alike.
/// </summary>
public sealed class TooManyRequestsProblem(TimeSpan retryAfter, string detail) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public const string Title = "Too many requests.";

    public int? StatusCode => StatusCodes.Status429TooManyRequests;

    public static string Seconds(TimeSpan retryAfter) =>
        Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Seconds(retryAfter);
        var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = Title, Detail = detail };
        problem.Extensions["retryAfterSeconds"] = int.Parse(Seconds(retryAfter), CultureInfo.InvariantCulture);
        return TypedResults.Problem(problem).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
}
