using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>Configuration section <c>Orleans</c>: the same keys for Silo and WebFrontend.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    /// <summary><c>Memory</c> (default), <c>Postgres</c> or <c>AzureStorage</c>.</summary>
    public string Storage { get; set; } = StorageKinds.Memory;

    /// <summary><c>Memory</c> (default), <c>AzureQueue</c> or <c>EventHubs</c>: the provider of the catalog stream (<see cref="StreamingKinds"/>).</summary>
    public string Streaming { get; set; } = StreamingKinds.Memory;

    /// <summary>WebFrontend only: <c>Cohosted</c> (default) or <c>Client</c>.</summary>
    public string Hosting { get; set; } = HostingKinds.Cohosted;

    public string ClusterId { get; set; } = "ticketmaster";

    public string ServiceId { get; set; } = "ticketmaster";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (Postgres clustering); loopback suits one machine.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary><see cref="AdvertisedIP"/> parsed (<see cref="From"/> has checked it).</summary>
    public System.Net.IPAddress AdvertisedAddress() => System.Net.IPAddress.Parse(AdvertisedIP);

    /// <summary>The section bound and checked by <see cref="OrleansSettingsValidation"/>: a wrong value stops the start naming its key.</summary>
    public static OrleansSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<OrleansSettings>() ?? new OrleansSettings();
        return CheckedSettings.Check<OrleansSettings, OrleansSettingsValidation>(settings);
    }

    /// <summary>Silos and clients must agree on these to find each other and the grain state.</summary>
    public void ApplyTo(Orleans.Configuration.ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }
}

public static class StorageKinds
{
    public const string Memory = "Memory";
    public const string Postgres = "Postgres";
    public const string AzureStorage = "AzureStorage";
}

public static class HostingKinds
{
    public const string Cohosted = "Cohosted";
    public const string Client = "Client";
}
