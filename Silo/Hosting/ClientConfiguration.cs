using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace TicketMaster.Silo.Hosting;

/// <summary>The client side of <see cref="SiloConfiguration"/>: WebFrontend with <c>Orleans:Hosting=Client</c>.</summary>
public static class ClientConfiguration
{
    public const string GatewaySection = "Orleans:Gateway";

    public static IClientBuilder ConfigureTicketMaster(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        client.Configure<ClusterOptions>(settings.ApplyTo);
        // Orleans' GatewayOptions (e.g. Orleans:Gateway:GatewayListRefreshPeriod): how soon a client that
        // started beside a restarting cluster learns of the new gateways.
        client.Configure<GatewayOptions>(configuration.GetSection(GatewaySection));

        switch (settings.Storage)
        {
            case StorageKinds.Memory:
                // The one Silo process on this machine, at its gateway port.
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
                break;
            case StorageKinds.Postgres:
                // Gateways are the active silos of the membership table the silos write.
                var connectionString = Postgres.ConnectionString(configuration);
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = Postgres.Invariant;
                    o.ConnectionString = connectionString;
                });
                break;
            case StorageKinds.AzureStorage:
                client.UseAzureStorageBackend(configuration);
                break;
            default:
                throw new InvalidOperationException(
                    $"Configuration 'Orleans:Storage' is '{settings.Storage}'; expected '{StorageKinds.Memory}', '{StorageKinds.Postgres}' or '{StorageKinds.AzureStorage}'.");
        }

        client.AddTicketMasterStreams(configuration);
        return client;
    }
}
