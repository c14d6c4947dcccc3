using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketMaster.SearchProjector;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>Ready once the local search replica has caught up with every catalog shard since start.</summary>
public sealed class SearchHealthCheck(ISearchReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsCaughtUp
            ? HealthCheckResult.Healthy("The search index has caught up with every shard.")
            : HealthCheckResult.Unhealthy("The search index is still catching up."));
}
