using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The account grain's lockout as the API answers it: 429 problem+json with Retry-After.</summary>
[Collection(ApiCollection.Name)]
public sealed class LockoutApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_gets_429_with_retry_after_until_the_lock_passes()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = _api.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-71", displayName = "Fan" })).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await Api.Problem(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = $"wrong-guess-{i}" }), HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "plum-orbit-71" });
        await Api.Problem(locked, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(60), locked.Headers.RetryAfter?.Delta);

        factory.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "plum-orbit-71" })).StatusCode);
    }

    [Fact]
    public async Task A_guesser_locked_out_of_an_account_does_not_lock_its_owner_out_from_another_address()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Created, (await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-71", displayName = "Fan" })).StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("203.0.113.66", email, $"wrong-guess-{i}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn("203.0.113.66", email, "plum-orbit-71")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("198.51.100.67", email, "plum-orbit-71")).StatusCode);
    }

    private Task<HttpResponseMessage> SignIn(string peer, string email, string password) =>
        factory.ClientAt(peer).PostAsJsonAsync("/api/v1/auth/token", new { email, password });
}
