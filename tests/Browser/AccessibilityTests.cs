using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TicketMaster.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violations_on_a_desktop_and_on_a_375_px_phone()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent("Accessible Evening");
        var queued = await api.CreateEvent("Accessible Queue");
        // Nine sections make the page a stadium's: sections first, then one section's seats.
        var stadium = await api.CreateStadium("Accessible Stadium", sections: 9, rows: 10, seatsPerRow: 20);
        await api.SetQueue(queued, active: true, admitPerSecond: 0.1);
        var fan = await api.RegisterFan();

        foreach (var phone in new[] { false, true })
        {
            var size = phone ? "phone" : "desktop";
            var page = await browser.NewPage(browser.Server, phone);
            await Check(page, "/", $"a11y-{size}-home", "#results li");
            await Check(page, "/account", $"a11y-{size}-account", "#signin-form");
            await Fan.SignIn(page, fan, Api.FanPassword);
            await Check(page, $"/events/{eventId}", $"a11y-{size}-event", "[data-seat='A-1-1']");
            await Check(page, $"/events/{stadium}", $"a11y-{size}-stadium-section", "[data-seat='S2-1-1']", p => p.ClickAsync("[data-section='S2']"));
            await Check(page, $"/events/{queued}/queue", $"a11y-{size}-queue", "#queue-join");
            await Check(page, "/tickets", $"a11y-{size}-tickets", "#bookings .card");

            var admin = await browser.NewPage(browser.Server, phone);
            await Fan.SignIn(admin, AppServer.AdminEmail, AppServer.AdminPassword);
            await Check(admin, "/organiser", $"a11y-{size}-organiser", ".section-editor");
            await Check(admin, $"/organiser/events/{eventId}/sales", $"a11y-{size}-sales", "#total-sold");
            await Check(admin, $"/scan?event={eventId}", $"a11y-{size}-scanner", "#scan-form");
        }
    }

    /// <summary>Loads the page, does <paramref name="act"/> if any, waits for its module to draw <paramref name="ready"/>, and runs axe.</summary>
    private static async Task Check(IPage page, string path, string screenshot, string ready, Func<IPage, Task>? act = null)
    {
        await page.GotoAsync(path);
        if (act is not null) await act(page);
        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, screenshot);
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{path}: " + string.Join("\n", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        // Nothing may stick out sideways on a phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{path} scrolls sideways at {page.ViewportSize?.Width} px");
    }
}
