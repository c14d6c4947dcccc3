using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace TicketMaster.Hosting;

/// <summary>The client side of <see cref="SiloConfiguration"/>: WebFrontend with <c>Orleans:Hosting=Client</c>.</summary>
public static class ClientConfiguration
{
    public const string GatewaySection = "Orleans:Gateway";

    public static IClientBuilder ConfigureTicketMaster(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        OrleansSettingsValidation.Register(client.Services, configuration);
        client.Configure<ClusterOptions>(settings.ApplyTo);
        // Orleans' GatewayOptions (e.g. Orleans:Gateway:GatewayListRefreshPeriod): how soon a client that
        // started beside a restarting cluster learns of the new gateways.
        client.Configure<GatewayOptions>(configuration.GetSection(GatewaySection));
        // The request's trace continues into the grain calls it makes.
        client.AddActivityPropagation();

        StorageBackends.For(settings).ConfigureClient(client, configuration, settings);
        StreamKinds.For(settings).ConfigureClient(client, configuration);
        return client;
    }
}
