using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Hosting;

/// <summary>
/// Errors as <c>application/problem+json</c> on every host: unhandled exceptions through
/// <see cref="ProblemExceptionHandler"/> (with the trace id), and empty error answers (an unknown
/// path, a refused caller) given a problem body by the status-code pages.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddTicketMasterProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Complete(context.ProblemDetails));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Every problem carries type, title, status and detail: the framework's own answers (401, 403,
    /// 404, 405, 415 from the status-code pages) come without a detail, and ASP.NET Core knows no
    /// type for 428 and 429.
    /// </summary>
    public static void Complete(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        problem.Type ??= TypeOf(status);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Detail ??= status switch
        {
            StatusCodes.Status401Unauthorized => "Sign in first: send a valid access token as 'Authorization: Bearer <token>'.",
            StatusCodes.Status403Forbidden => "This account may not do this.",
            StatusCodes.Status404NotFound => "Nothing is here: check the path against the API's OpenAPI document.",
            StatusCodes.Status405MethodNotAllowed => "This path does not answer this method; the Allow header lists those it does.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as 'Content-Type: application/json'.",
            _ => problem.Title,
        };
    }

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status428PreconditionRequired => "https://www.rfc-editor.org/rfc/rfc6585#section-3",
        StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://www.rfc-editor.org/rfc/rfc6585#section-5",
        StatusCodes.Status413PayloadTooLarge => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        _ => $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
    };

    /// <summary>For a host whose every answer is an API answer: exceptions and empty error answers both become problem+json.</summary>
    public static IApplicationBuilder UseTicketMasterProblemDetails(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();
}
