using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeaderTests(ApiFactory factory)
{
    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/search")]
    [InlineData("/api/v1/view?event_id=evt_missing")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/healthz")]
    public async Task Api_answers_and_errors_carry_the_security_headers_and_a_policy_that_allows_nothing(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        AssertCommonHeaders(response);
        Assert.StartsWith("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_keep_their_own_policy_with_a_nonce_and_the_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/");

        AssertCommonHeaders(response);
        Assert.Contains("'nonce-", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}

/// <summary>/metrics outside the embedded default (Metrics:AllowAnonymous=false).</summary>
[Collection(HardenedCollection.Name)]
public sealed class MetricsAccessTests(HardenedFactory factory)
{
    private string Token(params string[] roles) => factory.Services.GetRequiredService<TokenIssuer>()
        .Issue(new UserIdentity("u_" + Guid.NewGuid().ToString("N"), "ops@example.com", "Ops", roles)).Token;

    [Fact]
    public async Task Metrics_refuse_anonymous_callers_from_elsewhere_and_fans()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAt("203.0.113.60").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAt("203.0.113.61", Token()).GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_answer_a_scraper_on_this_machine_and_the_admin_role()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAt("127.0.0.1").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAt("203.0.113.62", Token(Roles.Admin)).GetAsync("/metrics")).StatusCode);
    }
}
