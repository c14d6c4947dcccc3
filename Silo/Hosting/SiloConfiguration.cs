using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Grains;

namespace TicketMaster.Silo.Hosting;

/// <summary>The one silo set-up, shared by the Silo process and WebFrontend's co-hosted silo.</summary>
public static class SiloConfiguration
{
    public static ISiloBuilder ConfigureTicketMaster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        switch (settings.Storage)
        {
            case StorageKinds.Memory:
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
                silo.AddMemoryGrainStorage(StorageNames.SeatMaps);
                silo.AddMemoryGrainStorage(StorageNames.Grains);
                silo.AddMemoryGrainStorage(StorageNames.PubSub);
                silo.UseInMemoryReminderService();
                break;
            case StorageKinds.AzureStorage:
                silo.UseAzureStorageBackend(configuration);
                break;
            default:
                throw new InvalidOperationException(
                    $"Configuration 'Orleans:Storage' is '{settings.Storage}'; expected '{StorageKinds.Memory}', '{StorageKinds.Postgres}' or '{StorageKinds.AzureStorage}'.");
        }

        silo.AddTicketMasterStreams(configuration);
        silo.Services.AddTicketMasterGrains(configuration);
        return silo;
    }
}
