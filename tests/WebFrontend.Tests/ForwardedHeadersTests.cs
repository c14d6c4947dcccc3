using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// Behind a reverse proxy: forwarded headers count from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> only, even with ASP.NET Core's own switch on (which would
/// believe anyone), and the dashboard needs both the TCP peer and the client to be this machine.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.BehindProxy factory) : IClassFixture<ForwardedHeadersTests.BehindProxy>
{
    public const string Proxy = "10.0.0.4";

    public sealed class BehindProxy : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as an operator behind a proxy might set.
            builder.UseSetting("ForwardedHeaders_Enabled", "true");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.UseSetting("ForwardedHeaders:KnownProxies:1", "127.0.0.1");
            builder.UseSetting("RateLimits:Enabled", "true");
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "3");
            builder.UseSetting("RateLimits:SignIn:Window", "01:00:00");
        }
    }

    [Fact]
    public async Task A_remote_caller_cannot_reach_the_dashboard_by_claiming_a_loopback_forwarded_address()
    {
        var response = await Send(HttpMethod.Get, "/dashboard/", "203.0.113.7", forwardedFor: "127.0.0.1");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_proxy_on_this_machine_does_not_make_the_clients_it_forwards_local()
    {
        var response = await Send(HttpMethod.Get, "/dashboard/", "127.0.0.1", forwardedFor: "203.0.113.8");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_caller_rotating_forwarded_addresses_still_meets_its_own_limit()
    {
        var peer = "203.0.113.20";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(peer, forwardedFor: $"198.51.100.{i}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(peer, forwardedFor: "198.51.100.99")).StatusCode);
    }

    [Fact]
    public async Task Clients_behind_a_known_proxy_each_have_their_own_limit()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(Proxy, forwardedFor: "198.51.100.30")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(Proxy, forwardedFor: "198.51.100.30")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(Proxy, forwardedFor: "198.51.100.31")).StatusCode);
    }

    private Task<HttpResponseMessage> SignIn(string peer, string forwardedFor) =>
        Send(HttpMethod.Post, "/api/v1/auth/token", peer, forwardedFor, new { email = $"{Guid.NewGuid():N}@example.com", password = "wrong-guess" });

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string peer, string forwardedFor, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return factory.ClientAt(peer).SendAsync(request);
    }
}

public sealed class ForwardedHeadersConfigurationTests
{
    private sealed class BadProxy : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99");
        }
    }

    [Fact]
    public void A_known_network_that_does_not_parse_stops_the_start_naming_the_key()
    {
        using var factory = new BadProxy();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks:0", error.Message, StringComparison.Ordinal);
    }
}
