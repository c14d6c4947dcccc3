using Microsoft.AspNetCore.Builder;
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
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>For a host whose every answer is an API answer: exceptions and empty error answers both become problem+json.</summary>
    public static IApplicationBuilder UseTicketMasterProblemDetails(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();
}
