using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary><c>Orleans:Storage=Memory</c>: one silo on this machine, everything in its memory, lost with it.</summary>
public sealed class MemoryBackend : IStorageBackend
{
    public void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration, OrleansSettings settings)
    {
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
        silo.AddMemoryGrainStorage(StorageNames.Grains);
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.UseInMemoryReminderService();
    }

    /// <summary>The one Silo process on this machine, at its gateway port.</summary>
    public void ConfigureClient(IClientBuilder client, IConfiguration configuration, OrleansSettings settings) =>
        client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
}
