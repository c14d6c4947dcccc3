using System.Net;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Empty (the default), no forwarded header is believed from
/// anyone, so no client can name its own address to the rate limits or the loopback checks.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";
    public const string KnownProxiesKey = Section + ":" + nameof(KnownProxies);
    public const string KnownNetworksKey = Section + ":" + nameof(KnownNetworks);

    /// <summary>Proxy addresses, such as <c>10.0.0.4</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, such as <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>The one place the rule lives: every entry parses, naming the key and its index when not.</summary>
    public sealed class Validation : IValidateOptions<ForwardedHeadersSettings>
    {
        public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
        {
            var failures = new List<string>();
            for (var i = 0; i < options.KnownProxies.Count; i++)
            {
                if (!IPAddress.TryParse(options.KnownProxies[i], out _))
                    failures.Add($"Configuration '{KnownProxiesKey}:{i}' is '{options.KnownProxies[i]}'; expected an IP address such as 10.0.0.4.");
            }
            for (var i = 0; i < options.KnownNetworks.Count; i++)
            {
                if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
                    failures.Add($"Configuration '{KnownNetworksKey}:{i}' is '{options.KnownNetworks[i]}'; expected a network in CIDR form such as 10.0.0.0/24.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
