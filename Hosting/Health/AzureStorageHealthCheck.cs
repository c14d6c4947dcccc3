using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketMaster.Hosting;

/// <summary>A silo on Azure Storage is ready only while the account's table service answers (membership and journals live there).</summary>
public sealed class AzureStorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken)
                .MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy("The storage account answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The storage account does not answer.", e);
        }
    }
}
