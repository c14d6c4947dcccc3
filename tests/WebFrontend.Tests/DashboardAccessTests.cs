using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The dashboard rule: loopback callers only, whatever token a remote caller holds.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardAccessTests(ApiFactory factory)
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task The_dashboard_refuses_an_anonymous_remote_caller()
    {
        var response = await Get("/dashboard", Remote, token: null);
        Assert.Equal(StatusCodes.Status403Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task The_dashboard_refuses_a_remote_fan_with_a_valid_token()
    {
        var fan = factory.Services.GetRequiredService<TokenIssuer>().Issue(new UserIdentity("u_" + Guid.NewGuid().ToString("N"), "fan@example.com", "Fan", [])).Token;
        Assert.Equal(StatusCodes.Status403Forbidden, (await Get("/dashboard", Remote, fan)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_refuses_its_data_api_to_a_remote_caller_too()
    {
        Assert.Equal(StatusCodes.Status403Forbidden, (await Get("/dashboard/DashboardCounters", Remote, token: null)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_admits_a_loopback_caller()
    {
        var response = await Get("/dashboard/", IPAddress.Loopback, token: null);
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.StartsWith("text/html", response.ContentType);
    }

    [Fact]
    public async Task The_api_reference_page_is_served_in_the_embedded_default()
    {
        var response = await Get("/scalar/v1", IPAddress.Loopback, token: null);
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.StartsWith("text/html", response.ContentType);
    }

    [Theory]
    [InlineData("/dashboard/SiloProperties/x")]
    [InlineData("/dashboard/SiloMetadata/x")]
    [InlineData("/dashboard/SiloCounters/x")]
    [InlineData("/dashboard/HistoricalStats/x")]
    public async Task A_silo_address_that_does_not_parse_is_a_400_problem_not_a_500(string path)
    {
        var response = await Get(path, IPAddress.Loopback, token: null);
        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task The_dashboard_is_not_in_the_public_api_document()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("/dashboard", document, StringComparison.Ordinal);
    }

    /// <summary>TestServer lets the test set the TCP peer, which a real socket would.</summary>
    private async Task<HttpResponse> Get(string path, IPAddress peer, string? token)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = peer;
            if (token is not null) c.Request.Headers.Authorization = "Bearer " + token;
        });
        return context.Response;
    }
}
