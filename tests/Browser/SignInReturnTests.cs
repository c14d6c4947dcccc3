using Microsoft.Playwright;

namespace TicketMaster.Browser.Tests;

/// <summary>The return path after signing in stays on this site however it is spelled.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInReturnTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/events/evt_1?x=1#seats", "/events/evt_1?x=1#seats")]
    [InlineData("/%09/evil.example", "/%09/evil.example")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public async Task A_return_path_is_kept_only_when_the_browser_would_stay_on_this_site(string asked, string kept)
    {
        var page = await browser.NewPage(browser.Server);
        await page.GotoAsync("/account");

        // As account.js reads it: from the query string, decoded, then through safeReturn.
        var answer = await page.EvaluateAsync<string>(
            "async asked => { const { safeReturn } = await import('/js/api.js'); " +
            "return safeReturn(new URLSearchParams('return=' + encodeURIComponent(asked)).get('return')); }", asked);

        Assert.Equal(kept, answer);
        await page.CloseAsync();
    }
}
