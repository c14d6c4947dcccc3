using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// The rules of section <c>Orleans</c>, each failure naming its full key. The one place they are checked:
/// <see cref="OrleansSettings.From"/> runs them while the silo or client is built (the storage switch needs
/// the values before the container exists) and the options registration runs them again at start.
/// </summary>
public sealed class OrleansSettingsValidation : IValidateOptions<OrleansSettings>
{
    public ValidateOptionsResult Validate(string? name, OrleansSettings options)
    {
        var failures = new List<string>();
        const string Section = OrleansSettings.Section;
        if (options.Storage is not (StorageKinds.Memory or StorageKinds.Postgres or StorageKinds.AzureStorage))
        {
            failures.Add($"Configuration '{Section}:{nameof(options.Storage)}' is '{options.Storage}'; expected '{StorageKinds.Memory}', '{StorageKinds.Postgres}' or '{StorageKinds.AzureStorage}'.");
        }
        if (options.Streaming is not (StreamingKinds.Memory or StreamingKinds.AzureQueue or StreamingKinds.EventHubs))
        {
            failures.Add($"Configuration '{StreamingKinds.Key}' is '{options.Streaming}'; expected '{StreamingKinds.Memory}', '{StreamingKinds.AzureQueue}' or '{StreamingKinds.EventHubs}'.");
        }
        if (options.Hosting is not (HostingKinds.Cohosted or HostingKinds.Client))
        {
            failures.Add($"Configuration '{Section}:{nameof(options.Hosting)}' is '{options.Hosting}'; expected '{HostingKinds.Cohosted}' or '{HostingKinds.Client}'.");
        }
        if (string.IsNullOrWhiteSpace(options.ClusterId)) failures.Add($"Configuration '{Section}:{nameof(options.ClusterId)}' is empty; silos and clients of one cluster share it.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) failures.Add($"Configuration '{Section}:{nameof(options.ServiceId)}' is empty; it keys the grain state.");
        if (options.SiloPort is < 1 or > 65535) failures.Add($"Configuration '{Section}:{nameof(options.SiloPort)}' is {options.SiloPort}; expected a TCP port from 1 to 65535.");
        if (options.GatewayPort is < 1 or > 65535) failures.Add($"Configuration '{Section}:{nameof(options.GatewayPort)}' is {options.GatewayPort}; expected a TCP port from 1 to 65535.");
        if (!System.Net.IPAddress.TryParse(options.AdvertisedIP, out _))
        {
            failures.Add($"Configuration '{Section}:{nameof(options.AdvertisedIP)}' is '{options.AdvertisedIP}', which is not an IP address.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The section as options for the container, checked again when the host starts.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        CheckedSettings.Register<OrleansSettings, OrleansSettingsValidation>(services, o => configuration.GetSection(OrleansSettings.Section).Bind(o));
}
