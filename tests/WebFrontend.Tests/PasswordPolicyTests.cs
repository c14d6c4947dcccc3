using System.Net;
using System.Net.Http.Json;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>NIST SP 800-63B at registration: length in characters, no common passwords, no composition rules.</summary>
[Collection(ApiCollection.Name)]
public sealed class PasswordPolicyTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private Task<HttpResponseMessage> Register(string password) =>
        _api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email = $"{Guid.NewGuid():N}@example.com", password, displayName = "Fan" });

    [Theory]
    [InlineData("password")]
    [InlineData("        ")]
    [InlineData("PASSWORD1")]
    [InlineData("Password-1")]
    [InlineData("iloveyou!!")]
    [InlineData("qwertyuiop")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcdefghij")]
    [InlineData("\U0001F600\U0001F601\U0001F602\U0001F603\U0001F604\U0001F605\U0001F606")]
    public async Task Weak_passwords_are_refused_with_a_400_naming_password(string password)
    {
        var problem = await Api.Problem(await Register(password), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["password"]);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("plum-orbit-71")]
    [InlineData("\U0001F3B5\U0001F600\U0001F680\U0001F30D\U0001F355\U0001F389\U0001F431\U0001F308")]
    [InlineData("ünïcödé-wörds")]
    public async Task Long_or_uncommon_passwords_need_no_digits_symbols_or_capitals(string password)
    {
        Assert.Equal(HttpStatusCode.Created, (await Register(password)).StatusCode);
    }

    [Fact]
    public void Length_counts_unicode_characters_not_utf16_units()
    {
        // Seven emoji are fourteen UTF-16 units but seven characters.
        Assert.NotNull(PasswordPolicy.Check(string.Concat(Enumerable.Repeat("\U0001F3B5", 3)) + "\U0001F600\U0001F601\U0001F602\U0001F603"));
        Assert.Null(PasswordPolicy.Check(new string('x', 4) + "yz-\U0001F3B5\U0001F3B6"));
        Assert.NotNull(PasswordPolicy.Check(string.Concat(Enumerable.Range(0, PasswordPolicy.MaxLength + 1).Select(i => (char)('a' + i % 26)))));
    }

    [Fact]
    public void The_password_cannot_be_the_email_or_its_name()
    {
        Assert.NotNull(PasswordPolicy.Check("longfan@example.com", "longfan@example.com"));
        Assert.NotNull(PasswordPolicy.Check("LongFanName", "longfanname@example.com"));
        Assert.Null(PasswordPolicy.Check("plum-orbit-71", "longfanname@example.com"));
    }

    [Fact]
    public void A_lone_surrogate_is_not_a_password()
    {
        Assert.NotNull(PasswordPolicy.Check("abc\uD800defghij"));
    }

    [Fact]
    public void A_common_admin_password_in_configuration_stops_the_start_naming_the_key()
    {
        using var weak = new SigningKeyTests.WithSettings(("Admin:Password", "password1"));

        var error = Assert.ThrowsAny<Exception>(() => weak.CreateClient());

        Assert.Contains("Admin:Password", error.Message, StringComparison.Ordinal);
    }
}
