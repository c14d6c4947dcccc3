using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>A forgotten password, end to end over HTTP and a real SMTP server: request, mail, link, new password.</summary>
[Collection(MailCollection.Name)]
public sealed partial class PasswordResetTests(MailFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string OldPassword = "plum-orbit-123";
    private const string NewPassword = "quartz-meadow-456";

    private readonly Api _api = new(factory);

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_a_lockout()
    {
        var email = await Registered();
        for (var i = 0; i < 5; i++) await SignIn(email, "wrong-password-0");
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignIn(email, OldPassword));

        Assert.Equal(HttpStatusCode.Accepted, (await RequestReset(email)).StatusCode);
        var token = await LinkTokenOf(email, mails: 1);

        Assert.Equal(HttpStatusCode.NoContent, (await Reset(token, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignIn(email, NewPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignIn(email, OldPassword));
        var again = await Api.Problem(await Reset(token, "another-pass-789"), HttpStatusCode.BadRequest);
        Assert.NotNull(again["errors"]!["token"]);
        Assert.Equal(HttpStatusCode.OK, await SignIn(email, NewPassword));
    }

    [Fact]
    public async Task A_reset_link_is_refused_after_thirty_minutes()
    {
        var email = await Registered();
        await RequestReset(email);
        var token = await LinkTokenOf(email, mails: 1);

        factory.Time.Advance(TimeSpan.FromMinutes(30));

        await Api.Problem(await Reset(token, NewPassword), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, await SignIn(email, OldPassword));
    }

    [Fact]
    public async Task An_address_gets_one_reset_mail_a_minute_and_only_the_last_link_works()
    {
        var email = await Registered();
        await RequestReset(email);
        var first = await LinkTokenOf(email, mails: 1);
        Assert.Equal(HttpStatusCode.Accepted, (await RequestReset(email)).StatusCode);
        await NothingMoreQueued();
        Assert.Single(factory.MailTo(email));

        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await RequestReset(email);
        var second = await LinkTokenOf(email, mails: 2);

        await Api.Problem(await Reset(first, NewPassword), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await Reset(second, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_no_mail()
    {
        var unknown = $"{Guid.NewGuid():N}@example.com";
        var known = await Registered();

        var answers = new[] { await RequestReset(unknown), await RequestReset(known) };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.Equal(await answers[0].Content.ReadAsStringAsync(), await answers[1].Content.ReadAsStringAsync());
        await LinkTokenOf(known, mails: 1);
        await NothingMoreQueued();
        Assert.Empty(factory.MailTo(unknown));
    }

    [Fact]
    public async Task Made_up_tokens_and_weak_passwords_are_400_naming_the_field()
    {
        foreach (var token in new[] { "", "nodot", "u_x.", ".secret", "u_does-not-exist.c2VjcmV0", "../../etc.x" })
        {
            var problem = await Api.Problem(await Reset(token, NewPassword), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["token"]);
        }
        var email = await Registered();
        await RequestReset(email);
        var valid = await LinkTokenOf(email, mails: 1);
        Assert.NotNull((await Api.Problem(await Reset(valid, "short"), HttpStatusCode.BadRequest))["errors"]!["password"]);
        Assert.NotNull((await Api.Problem(await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-request", new { email = "not an email" }), HttpStatusCode.BadRequest))["errors"]!["email"]);
        // The refused password did not use the link up.
        Assert.Equal(HttpStatusCode.NoContent, (await Reset(valid, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_reset_page_serves_both_forms_whose_buttons_wait_for_its_script()
    {
        var page = await _api.Anonymous().GetAsync("/account/reset?token=u_x.secret");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-module=\"reset\"", html);
        Assert.Contains("id=\"request-form\"", html);
        Assert.Contains("id=\"reset-form\"", html);
        Assert.Equal(2, Regex.Count(html, "<button type=\"submit\" class=\"btn btn-block\" disabled data-needs-script>"));
        Assert.Contains("href=\"/account/reset\"", await _api.Anonymous().GetStringAsync("/account"));
    }

    private async Task<string> Registered()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var registered = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = OldPassword, displayName = "Fan" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return email;
    }

    private Task<HttpResponseMessage> RequestReset(string email) =>
        _api.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-request", new { email });

    private Task<HttpResponseMessage> Reset(string token, string password) =>
        _api.Anonymous().PostAsJsonAsync("/api/v1/auth/reset", new { token, password });

    private async Task<HttpStatusCode> SignIn(string email, string password) =>
        (await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password })).StatusCode;

    /// <summary>The token of the link in the newest of <paramref name="mails"/> reset mails to <paramref name="email"/>.</summary>
    private async Task<string> LinkTokenOf(string email, int mails)
    {
        await Eventually.True(() => Task.FromResult(factory.MailTo(email).Count >= mails), Patience, $"{mails} reset mails arrive");
        var mail = factory.MailTo(email).OrderBy(m => m.Date).Last();
        Assert.Equal("Reset your TicketMaster password", mail.Subject);
        var link = Link().Match(mail.TextBody!);
        Assert.True(link.Success, mail.TextBody);
        Assert.Contains(link.Value, mail.HtmlBody!.Replace("&amp;", "&", StringComparison.Ordinal));
        return Uri.UnescapeDataString(link.Groups["token"].Value);
    }

    private async Task NothingMoreQueued()
    {
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox is empty");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await Eventually.True(async () => await factory.Waiting() == 0, Patience, "the outbox stays empty");
    }

    [GeneratedRegex(@"https://tickets\.tests\.example/account/reset\?token=(?<token>[A-Za-z0-9_.%\-]+)")]
    private static partial Regex Link();
}
