using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// Section <c>Management</c> of a Silo process: the port of its small HTTP endpoint (/healthz,
/// /readyz, /metrics). Several silos on one machine need one port each.
/// </summary>
public sealed class ManagementSettings
{
    public const string Section = "Management";
    public const string PortKey = Section + ":" + nameof(Port);

    public const int DefaultPort = 8081;

    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Bound and checked now (Kestrel needs the port before the container exists), registered as options
    /// checked again at start; a port outside 1..65535, or not a number, stops the start naming the key.
    /// </summary>
    public static ManagementSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ManagementSettings>() ?? new ManagementSettings();
        return CheckedSettings.Check<ManagementSettings, Validation>(settings);
    }

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        CheckedSettings.Register<ManagementSettings, Validation>(services, o => configuration.GetSection(Section).Bind(o));

    /// <summary>The one place the rule lives.</summary>
    public sealed class Validation : IValidateOptions<ManagementSettings>
    {
        public ValidateOptionsResult Validate(string? name, ManagementSettings options) =>
            options.Port is < 1 or > 65535
                ? ValidateOptionsResult.Fail($"Configuration '{PortKey}' is {options.Port}; expected a TCP port from 1 to 65535.")
                : ValidateOptionsResult.Success;
    }
}
