using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace TicketMaster.Browser.Tests;

/// <summary>A forgotten password in the browser: the reset page, the mailed link, a new password that signs in.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PasswordResetTests(BrowserFixture browser)
{
    private const string NewPassword = "harbour-lantern-482";

    [Fact]
    public async Task A_fan_who_forgot_their_password_asks_for_a_link_opens_it_from_the_mail_sets_a_new_one_and_signs_in_with_it()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var email = await api.RegisterFan();
        var page = await browser.NewPage(browser.Server);

        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ResetPage());
        await page.FillAsync("#request-email", email);
        await page.ClickAsync("#request-form button[type=submit]");
        await Expect(page.Locator("#request-done")).ToBeVisibleAsync();

        // The server has no relay here: the mail is an .eml file in its pickup folder, its link pointing back at the server.
        var link = await Eventually.Value(() => MailedLink(browser.Server.PickupDirectory, email), TimeSpan.FromSeconds(30), "the reset mail is in the pickup folder");
        Assert.StartsWith(new Uri(browser.Server.BaseAddress, "/account/reset?token=").ToString(), link, StringComparison.Ordinal);

        await page.GotoAsync(link);
        await Expect(page.Locator("#reset-card")).ToBeVisibleAsync();
        await Expect(page.Locator("#request-card")).ToBeHiddenAsync();
        // Read once, the token leaves the address bar (and so the history and any Referer).
        await Expect(page).ToHaveURLAsync(ResetPage());
        await page.FillAsync("#reset-password", NewPassword);
        await page.ClickAsync("#reset-form button[type=submit]");
        await Expect(page.Locator("#reset-done")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "password-reset-done");

        await page.Locator("#reset-done").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Fan.SignIn(page, email, NewPassword);
        await page.Context.CloseAsync();
    }

    /// <summary>The reset link of the mail to <paramref name="email"/> in <paramref name="folder"/>, read as a mail client would; null while there is none.</summary>
    private static string? MailedLink(string folder, string email)
    {
        if (!Directory.Exists(folder)) return null;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var mail = MimeMessage.Load(file);
            if (!mail.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))) continue;
            return ResetLink().Match(mail.TextBody ?? "") is { Success: true } found ? found.Value : null;
        }
        return null;
    }

    [GeneratedRegex(@"/account/reset$")]
    private static partial Regex ResetPage();

    [GeneratedRegex(@"https?://\S+/account/reset\?token=\S+")]
    private static partial Regex ResetLink();
}
