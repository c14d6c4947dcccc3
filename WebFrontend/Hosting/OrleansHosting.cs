using TicketMaster.Hosting;

namespace TicketMaster.WebFrontend.Hosting;

public static class OrleansHosting
{
    /// <summary><c>Orleans:Hosting</c>: a silo inside this process (default), or a client of a cluster of Silo processes.</summary>
    public static WebApplicationBuilder AddTicketMasterOrleans(this WebApplicationBuilder builder)
    {
        var settings = OrleansSettings.From(builder.Configuration);
        switch (settings.Hosting)
        {
            case HostingKinds.Cohosted:
                builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
                break;
            case HostingKinds.Client:
                builder.UseOrleansClient(client => client.ConfigureTicketMaster(builder.Configuration));
                break;
            default:
                // OrleansSettings.From has refused any other value, naming the key.
                throw new ArgumentOutOfRangeException(nameof(builder), settings.Hosting, "Orleans:Hosting was not validated.");
        }
        return builder;
    }
}
