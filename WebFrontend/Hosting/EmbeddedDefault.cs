using TicketMaster.Hosting;

namespace TicketMaster.WebFrontend.Hosting;

public static class EmbeddedDefault
{
    /// <summary>
    /// In-memory storage and a co-hosted silo: the newcomer's `dotnet run`, where made-up
    /// secrets and a demo catalog are fine because nothing outlives the process.
    /// </summary>
    public static bool IsEmbeddedDefault(this IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        return settings.Storage == StorageKinds.Memory && settings.Hosting == HostingKinds.Cohosted;
    }
}
