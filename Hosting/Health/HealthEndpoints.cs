using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketMaster.Hosting;

/// <summary>
/// /healthz (the process runs: restart it if not) and /readyz (its own dependencies answer: send it
/// traffic only then), the same two probes on every host. Checks tagged <see cref="Ready"/> decide readiness.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "live";
    public const string Ready = "ready";

    /// <summary>The always-healthy liveness check and the cluster's readiness check, which every host has.</summary>
    public static IHealthChecksBuilder AddTicketMasterHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [Live])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [Ready]);

    public static IEndpointRouteBuilder MapTicketMasterHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live) }).WithTags("Operations");
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).WithTags("Operations");
        return app;
    }
}
