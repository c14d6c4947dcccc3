using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Hosting;

/// <summary>
/// Every error a host answers is application/problem+json with a traceId, on the frontend's API and the
/// silo's management endpoint alike: unhandled exceptions become a 500 problem, and an error status with
/// no body (an unknown path's 404, a 405) gets a problem body. A host's own exception handlers
/// (<c>AddExceptionHandler</c>) run first; what they leave falls through to the 500.
/// </summary>
public static class ProblemResponses
{
    public static IServiceCollection AddTicketMasterProblemDetails(this IServiceCollection services) =>
        // The default writer already adds the traceId (the current activity's id) to every problem.
        services.AddProblemDetails();

    /// <summary>Early in the pipeline, so it wraps every middleware and endpoint after it.</summary>
    public static IApplicationBuilder UseTicketMasterProblemDetails(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();
}
