using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Dashboard;

namespace TicketMaster.Hosting;

/// <summary>
/// The Orleans dashboard (at <see cref="Path"/>) answers loopback callers only, on every host that maps it:
/// it shows every grain type, silo and reminder and streams the logs, which is for an operator on the machine
/// (or through a port-forward), never for a fan, whatever token they hold.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/dashboard";

    public static IEndpointRouteBuilder MapTicketMasterDashboard(this IEndpointRouteBuilder app)
    {
        // A convention on the group: it wraps every endpoint the dashboard maps, its API and its static files.
        IEndpointConventionBuilder dashboard = app.MapOrleansDashboard(routePrefix: Path);
        dashboard.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => ClientAddress.IsLocal(context) ? Serve(next, context) : Refuse(context);
            // An operator's tool, not part of the API the OpenAPI document describes.
            endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
        });
        return app;
    }

    /// <summary>
    /// The dashboard parses a silo address from the path, inside the constructor of the grain it calls, and throws
    /// when it is not one (the activation fails, so nothing stays): that is the caller's mistake, not a 500.
    /// </summary>
    private static async Task Serve(RequestDelegate next, HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when ((e is FormatException || e.InnerException is FormatException) && !context.Response.HasStarted)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not a silo address.",
                detail: $"'{context.Request.Path}': the dashboard names a silo as host:port@generation, as its own pages link it.").ExecuteAsync(context);
        }
    }

    private static Task Refuse(HttpContext context) =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "The dashboard answers loopback callers only.",
            detail: "Open it on the host itself, or through a port-forward to it.").ExecuteAsync(context);
}
