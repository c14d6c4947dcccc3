using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccountApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Registering_an_email_twice_is_409_whatever_its_case()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = _api.Anonymous();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-71", displayName = "A" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        // An account has no resource of its own to point at: no Location leading to a 404.
        Assert.Null(registered.Headers.Location);

        await Api.Problem(await client.PostAsJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = "plum-orbit-72", displayName = "B" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = _api.Anonymous();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-71", displayName = "A" });

        var wrongPassword = await Api.Problem(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "plum-orbit-72" }), HttpStatusCode.Unauthorized);
        var unknownEmail = await Api.Problem(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.com", password = "plum-orbit-71" }), HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword["detail"]!.GetValue<string>(), unknownEmail["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_lets_its_user_in_and_says_when_it_expires()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = _api.Anonymous();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "plum-orbit-71", displayName = "A" });

        var token = await Api.Json(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "plum-orbit-71" }));

        Assert.True(token["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await _api.As(token["accessToken"]!.GetValue<string>()).GetAsync("/api/v1/bookings")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_fans_get_403_on_admin_routes()
    {
        var venue = new { name = "V", city = "C", address = "A", sections = new[] { new { sectionId = "A", name = "A", capacity = 10 } } };

        await Api.Problem(await _api.Anonymous().PostAsJsonAsync("/api/v1/reserve", new { eventId = "x", seats = new[] { "A-1-1" } }), HttpStatusCode.Unauthorized);
        await Api.Problem(await _api.Anonymous().GetAsync("/api/v1/bookings"), HttpStatusCode.Unauthorized);
        await Api.Problem(await _api.Anonymous().PostAsJsonAsync("/api/v1/venues", venue), HttpStatusCode.Unauthorized);
        await Api.Problem(await _api.AsNewUser().PostAsJsonAsync("/api/v1/venues", venue), HttpStatusCode.Forbidden);
        await Api.Problem(await _api.As("not.a.token").GetAsync("/api/v1/bookings"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_validly_signed_token_without_a_user_is_401_not_500()
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("a-signing-key-for-tests-only-0123456789"));
        var token = handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "ticketmaster",
            Audience = "ticketmaster",
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["name"] = "nobody" },
        });

        var response = await _api.As(token).GetAsync("/api/v1/bookings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
