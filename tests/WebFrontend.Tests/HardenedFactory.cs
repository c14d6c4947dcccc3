using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// The embedded default with the protections a production setting has: rate limits on, at limits
/// low enough to cross in a few requests, and /metrics closed. The caller's address comes from
/// the test header <c>X-Test-Client</c> (the test server has no sockets), so tests keep apart.
/// </summary>
public sealed class HardenedFactory : ApiFactory
{
    public const string ClientHeader = "X-Test-Client";

    public const int Permits = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        foreach (var limit in new[] { "SignIn", "Register", "Reserve", "Book", "AnonymousReads", "PasswordReset" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:{limit}:Window", "01:00:00");
        }
        builder.UseSetting("Metrics:AllowAnonymous", "false");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>A client with its own made-up address.</summary>
    public HttpClient ClientAt(string address, string? token = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address)) context.Connection.RemoteIpAddress = address;
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class HardenedCollection : ICollectionFixture<HardenedFactory>
{
    public const string Name = "hardened";
}
