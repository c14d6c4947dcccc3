using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// The embedded default with the protections a production setting has: rate limits on, at limits
/// low enough to cross in a few requests, and /metrics closed. Each test's caller has its own
/// address (<see cref="ApiFactory.ClientAt"/>), so tests keep apart.
/// </summary>
public sealed class HardenedFactory : ApiFactory
{
    public const int Permits = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        foreach (var limit in new[] { "SignIn", "Register", "Reserve", "Book", "AnonymousReads", "SignedInReads", "PasswordReset" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:{limit}:Window", "01:00:00");
        }
        builder.UseSetting("Metrics:AllowAnonymous", "false");
    }
}

[CollectionDefinition(Name)]
public sealed class HardenedCollection : ICollectionFixture<HardenedFactory>
{
    public const string Name = "hardened";
}
