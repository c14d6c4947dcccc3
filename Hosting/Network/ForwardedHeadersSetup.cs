using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// Forwarded headers believed from the proxies <see cref="ForwardedHeadersSettings"/> names, and
/// from no one else. ASP.NET Core's own switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) believes
/// every caller; it is turned off here so it cannot undo that.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTicketMasterForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        CheckedSettings.Register<ForwardedHeadersSettings, ForwardedHeadersSettings.Validation>(
            services, o => configuration.GetSection(ForwardedHeadersSettings.Section).Bind(o));
        services.PostConfigure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.None);
        return services;
    }

    /// <summary>First in the pipeline: keeps the TCP peer, then applies a known proxy's headers.</summary>
    public static IApplicationBuilder UseTicketMasterForwardedHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Features.Set(new ClientAddress(context.Connection.RemoteIpAddress));
            return next(context);
        });
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (!settings.TrustsAnyProxy) return app;

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // Only these: the defaults (loopback) would let anything on this machine name any address.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in settings.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        return app.UseForwardedHeaders(options);
    }
}
