using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Accounts;
using TicketMaster.Hosting;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Hosting;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>RateLimits: low limits (HardenedFactory), so each test crosses one in a few requests.</summary>
[Collection(HardenedCollection.Name)]
public sealed class RateLimitTests(HardenedFactory factory)
{
    private string UserToken() => factory.Services.GetRequiredService<TokenIssuer>()
        .Issue(new UserIdentity("u_" + Guid.NewGuid().ToString("N"), "fan@example.com", "Fan", [])).Token;

    private static async Task AssertThrottled(HttpResponseMessage response)
    {
        await Api.Problem(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_from_one_address_get_429_with_retry_after_while_another_address_may_still_try()
    {
        var attacker = factory.ClientAt("203.0.113.10");
        for (var i = 0; i < HardenedFactory.Permits; i++)
        {
            // Each a different made-up email: the limit is the address's, not an account's lockout.
            var wrong = await attacker.PostAsJsonAsync("/api/v1/auth/token", new { email = $"{Guid.NewGuid():N}@example.com", password = "wrong-guess" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        await AssertThrottled(await attacker.PostAsJsonAsync("/api/v1/auth/token", new { email = $"{Guid.NewGuid():N}@example.com", password = "wrong-guess" }));

        var other = await factory.ClientAt("203.0.113.11").PostAsJsonAsync("/api/v1/auth/token", new { email = $"{Guid.NewGuid():N}@example.com", password = "wrong-guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Registrations_past_the_limit_from_one_address_get_429()
    {
        var client = factory.ClientAt("203.0.113.20");
        for (var i = 0; i < HardenedFactory.Permits; i++)
        {
            var created = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"{Guid.NewGuid():N}@example.com", password = "plum-orbit-71", displayName = "Fan" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await AssertThrottled(await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"{Guid.NewGuid():N}@example.com", password = "plum-orbit-71", displayName = "Fan" }));
    }

    [Fact]
    public async Task Reset_requests_past_the_limit_from_one_address_get_429_whatever_the_emails()
    {
        var client = factory.ClientAt("203.0.113.30");
        for (var i = 0; i < HardenedFactory.Permits; i++)
        {
            var asked = await client.PostAsJsonAsync("/api/v1/auth/reset-request", new { email = $"{Guid.NewGuid():N}@example.com" });
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        await AssertThrottled(await client.PostAsJsonAsync("/api/v1/auth/reset-request", new { email = $"{Guid.NewGuid():N}@example.com" }));
        await AssertThrottled(await client.PostAsJsonAsync("/api/v1/auth/reset", new { token = "u_x.secret", password = "quartz-meadow-456" }));
        var other = await factory.ClientAt("203.0.113.31").PostAsJsonAsync("/api/v1/auth/reset-request", new { email = $"{Guid.NewGuid():N}@example.com" });
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reserve")]
    [InlineData("/api/v1/book")]
    [InlineData("/api/v1/bookings/bk_none/transfer")]
    [InlineData("/api/v1/events/evt_none/waitlist")]
    public async Task Reserve_book_transfer_and_waitlist_joins_are_limited_per_user_not_per_address(string path)
    {
        // One address, two users: the first user's limit does not touch the second's.
        var first = factory.ClientAt("203.0.113.30", UserToken());
        for (var i = 0; i < HardenedFactory.Permits; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await first.PostAsJsonAsync(path, new { eventId = "evt_none" })).StatusCode);
        }

        await AssertThrottled(await first.PostAsJsonAsync(path, new { eventId = "evt_none" }));
        var second = factory.ClientAt("203.0.113.30", UserToken());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await second.PostAsJsonAsync(path, new { eventId = "evt_none" })).StatusCode);
    }

    [Fact]
    public async Task Reads_are_limited_per_address_without_a_token_and_per_user_with_one()
    {
        var anonymous = factory.ClientAt("203.0.113.40");
        for (var i = 0; i < HardenedFactory.Permits; i++) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/search")).StatusCode);
        await AssertThrottled(await anonymous.GetAsync("/api/v1/search"));

        // The same address with a token: the user's own count, not a way past every limit.
        var signedIn = factory.ClientAt("203.0.113.40", UserToken());
        for (var i = 0; i < HardenedFactory.Permits; i++) Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/search")).StatusCode);
        await AssertThrottled(await signedIn.GetAsync("/api/v1/search"));

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAt("203.0.113.40", UserToken()).GetAsync("/api/v1/search")).StatusCode);
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7", true)]
    public void IPv6_clients_are_counted_by_their_64_bit_prefix(string one, string other, bool same)
    {
        Assert.Equal(same, ClientAddress.KeyOf(IPAddress.Parse(one)) == ClientAddress.KeyOf(IPAddress.Parse(other)));
    }
}

/// <summary>RateLimits:Enabled=false, as in ApiFactory, the load tests and the benchmarks.</summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitsOffTests(ApiFactory factory)
{
    [Fact]
    public async Task With_rate_limits_off_no_sign_in_is_throttled()
    {
        var client = factory.CreateClient();
        var limit = new RateLimitSettings().SignIn.PermitLimit;
        for (var i = 0; i <= limit; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"{Guid.NewGuid():N}@example.com", password = "wrong-guess" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}

public sealed class RateLimitConfigurationTests
{
    [Theory]
    [InlineData("RateLimits:SignIn:PermitLimit", "0")]
    [InlineData("RateLimits:Book:Window", "00:00:00")]
    public void A_limit_that_cannot_work_stops_the_start_naming_its_key(string key, string value)
    {
        using var factory = new SigningKeyTests.WithSettings(("RateLimits:Enabled", "true"), (key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
