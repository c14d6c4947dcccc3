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
            endpoint.RequestDelegate = context => ClientAddress.IsLocal(context) ? next(context) : Refuse(context);
        });
        return app;
    }

    private static Task Refuse(HttpContext context) =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "The dashboard answers loopback callers only.",
            detail: "Open it on the host itself, or through a port-forward to it.").ExecuteAsync(context);
}
