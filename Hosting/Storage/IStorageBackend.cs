using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>
/// One value of <c>Orleans:Storage</c>: how a silo keeps membership, grain state, reminders and journals
/// there, and how a client finds the gateways. A new backend is one class and one line in <see cref="StorageBackends"/>.
/// </summary>
public interface IStorageBackend
{
    void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration, OrleansSettings settings);

    void ConfigureClient(IClientBuilder client, IConfiguration configuration, OrleansSettings settings);
}
