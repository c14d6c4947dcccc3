using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>One account per address, whatever its case or Unicode compatibility form (NFKC).</summary>
[Collection(ApiCollection.Name)]
public sealed class EmailNormalisationTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task A_full_width_letter_cannot_make_a_twin_account()
    {
        var name = $"fan{Guid.NewGuid():N}";
        var client = _api.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"{name}@example.com", password = "plum-orbit-71", displayName = "Fan" })).StatusCode);

        // U+FF46 FULLWIDTH LATIN SMALL LETTER F: looks like 'f', is 'f' under NFKC.
        var twin = "\uFF46" + name[1..] + "@example.com";
        await Api.Problem(await client.PostAsJsonAsync("/api/v1/auth/register", new { email = twin, password = "plum-orbit-72", displayName = "Twin" }), HttpStatusCode.Conflict);

        // The look-alike spelling signs in to the one account.
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = twin.ToUpperInvariant(), password = "plum-orbit-71" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task An_email_with_a_lone_surrogate_is_a_400_naming_email()
    {
        var body = new StringContent("""{"email":"a\ud800b@example.com","password":"plum-orbit-71","displayName":"A"}""", System.Text.Encoding.UTF8, "application/json");

        var response = await _api.Anonymous().PostAsync("/api/v1/auth/register", body);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
