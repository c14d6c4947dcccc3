using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketMaster.Hosting;

/// <summary>Ready when the cluster answers and has an active silo.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return hosts.Count > 0 ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).") : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", e);
        }
    }
}
