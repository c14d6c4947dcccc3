using System.Net;
using Microsoft.AspNetCore.Hosting;
using TicketMaster.WebFrontend.Hosting;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The app on real Kestrel sockets, so what Kestrel itself answers shows.</summary>
public sealed class KestrelFactory : ApiFactory
{
    public KestrelFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "false");
    }
}

public sealed class RequestLimitTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task A_too_long_url_gets_414_problem_json_naming_the_url()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/search?text=" + new string('a', RequestLimits.MaxRequestLineBytes));

        var problem = await Api.Problem(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains("'url'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_large_headers_get_431_problem_json_naming_the_largest_header()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search");
        request.Headers.Add("X-Padding", new string('b', RequestLimits.MaxRequestHeadersBytes));

        var response = await client.SendAsync(request);

        var problem = await Api.Problem(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Contains("'X-Padding'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_past_the_limit_gets_413_problem_json()
    {
        var client = factory.CreateClient();
        using var body = new StringContent("{\"eventId\":\"" + new string('c', RequestLimits.MaxRequestBodyBytes) + "\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/auth/token", body);

        await Api.Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Answers_name_no_server_software()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
    }
}
