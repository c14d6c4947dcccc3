using TicketMaster.Silo.Hosting;

namespace TicketMaster.WebFrontend.Hosting;

public static class OrleansHosting
{
    /// <summary><c>Orleans:Hosting</c>: a silo inside this process (default), or a client of a cluster of Silo processes.</summary>
    public static WebApplicationBuilder AddTicketMasterOrleans(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        switch (settings.Hosting)
        {
            case HostingKinds.Cohosted:
                builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
                break;
            default:
                throw new InvalidOperationException(
                    $"Configuration 'Orleans:Hosting' is '{settings.Hosting}'; expected '{HostingKinds.Cohosted}' or '{HostingKinds.Client}'.");
        }
        return builder;
    }
}
