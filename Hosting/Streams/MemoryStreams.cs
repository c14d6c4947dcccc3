using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary><c>Orleans:Streaming=Memory</c> (default): in the silos' memory, fast, and lost with them.</summary>
public sealed class MemoryStreams : IStreamKind
{
    public void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration) => silo.AddMemoryStreams(StorageNames.Streams);

    public void ConfigureClient(IClientBuilder client, IConfiguration configuration) => client.AddMemoryStreams(StorageNames.Streams);
}
