using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TicketMaster.SearchProjector;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// Ready once the search index has caught up with every catalog shard since start, while the projector
/// keeps up (pulls have not failed for longer than <c>Search:MaxLag</c>) and the engine answers (for
/// Elasticsearch: the cluster holds the index green or yellow).
/// </summary>
public sealed class SearchHealthCheck(ISearchReadiness readiness, ISearchIndex index, IOptions<SearchOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsCaughtUp) return HealthCheckResult.Unhealthy("The search index is still catching up.");

        if (readiness.BehindSince is { } since && time.GetUtcNow() - since > options.Value.MaxLag)
        {
            return HealthCheckResult.Unhealthy($"The search index has not reached every catalog shard's end since {since:O}.");
        }

        SearchIndexHealth health;
        try
        {
            health = await index.CheckHealthAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The search engine did not answer.", e);
        }
        return health.Healthy
            ? HealthCheckResult.Healthy($"The search index has caught up with every shard. {health.Description}")
            : HealthCheckResult.Unhealthy(health.Description);
    }
}
