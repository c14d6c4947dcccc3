using Microsoft.AspNetCore.Authorization;
using TicketMaster.Accounts;
using TicketMaster.Hosting;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// /metrics (Prometheus): open to anyone when <c>Metrics:AllowAnonymous</c> is true (the default
/// in the embedded default only); otherwise to callers on this machine (a scraper beside the
/// process) and to the admin role.
/// </summary>
public static class MetricsAccess
{
    public const string AllowAnonymousKey = "Metrics:AllowAnonymous";

    public static IEndpointRouteBuilder MapTicketMasterMetrics(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var allowAnonymous = configuration.GetValue<bool?>(AllowAnonymousKey) ?? configuration.IsEmbeddedDefault();
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (allowAnonymous) return app;
        endpoint.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAssertion(context =>
                context.Resource is HttpContext http && ClientAddress.IsLocal(http)
                || context.User.IsInRole(Roles.Admin))
            .Build());
        return app;
    }
}
