using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>One value of <c>Orleans:Streaming</c>: the same provider on silos and clients, so a frontend in client mode can subscribe.</summary>
public interface IStreamKind
{
    void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration);

    void ConfigureClient(IClientBuilder client, IConfiguration configuration);
}
