using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>
/// Section <c>Management</c> of a Silo process: the port of its small HTTP endpoint (/healthz,
/// /readyz, /metrics). Several silos on one machine need one port each.
/// </summary>
public sealed class ManagementSettings
{
    public const string PortKey = "Management:Port";

    public const int DefaultPort = 8081;

    public int Port { get; private init; } = DefaultPort;

    /// <summary>A port outside 1..65535, or not a number, stops the start with the key's name.</summary>
    public static ManagementSettings From(IConfiguration configuration)
    {
        var value = configuration[PortKey];
        if (string.IsNullOrWhiteSpace(value)) return new ManagementSettings();
        if (!int.TryParse(value, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Configuration '{PortKey}' is '{value}'; expected a TCP port from 1 to 65535.");
        }
        return new ManagementSettings { Port = port };
    }
}
