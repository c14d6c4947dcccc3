using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace TicketMaster.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class QueueAndOrganiserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_queue_page_admits_a_fan_and_leads_to_the_seat_map_where_the_admission_token_buys()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent("Queue Night");
        await api.SetQueue(eventId, active: true, admitPerSecond: 50);
        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, await api.RegisterFan(), Api.FanPassword);

        // The event page sends a fan without an admission token to the waiting room.
        await page.GotoAsync($"/events/{eventId}");
        await Expect(page).ToHaveURLAsync(new Regex($"/events/{eventId}/queue$"));
        await BrowserFixture.Screenshot(page, "08-queue-page");
        await page.ClickAsync("#queue-join");

        await Expect(page).ToHaveURLAsync(new Regex($"/events/{eventId}$"), new() { Timeout = 20_000 });
        await Fan.PickSeatsAndHold(page, "A-4-1");
        await BrowserFixture.Screenshot(page, "09-admitted-and-holding");
    }

    [Fact]
    public async Task An_organiser_creates_a_venue_performer_and_event_that_then_appears_in_search()
    {
        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, AppServer.AdminEmail, AppServer.AdminPassword);
        await page.ClickAsync("a[href='/organiser']");

        var name = $"Organised Opal {Guid.NewGuid().ToString("N")[..6]}";
        await page.FillAsync("#venue-name", "Opal Arena");
        await page.FillAsync("#venue-city", "Porto");
        await page.FillAsync("#venue-address", "2 Bridge Road");
        await page.ClickAsync("#venue-form button[type=submit]");
        await Expect(page.Locator("#venue-id")).ToBeVisibleAsync();

        await page.FillAsync("#performer-name", name);
        await page.FillAsync("#performer-genre", "jazz");
        await page.ClickAsync("#performer-form button[type=submit]");
        await Expect(page.Locator("#performer-id")).ToBeVisibleAsync();

        await page.FillAsync("#event-name", name);
        await page.FillAsync("#event-description", "An evening of jazz.");
        await page.FillAsync("#event-starts", DateTime.Now.AddDays(40).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#event-prices input.price")).ToHaveCountAsync(2);
        await page.ClickAsync("#event-form button[type=submit]");
        await Expect(page.Locator("#event-link")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "10-organiser-created-event");

        // Search is fed asynchronously: the results list catches up by itself as the fan searches.
        await page.GotoAsync("/");
        await page.FillAsync("#q", name);
        var result = page.Locator("#results a", new() { HasText = name });
        var box = page.Locator("#q");
        for (var attempt = 0; !await result.IsVisibleAsync(); attempt++)
        {
            Assert.True(attempt < 60, "The new event never appeared in search.");
            await page.RunAndWaitForResponseAsync(async () => { await box.PressAsync("End"); await box.PressAsync("Space"); await box.PressAsync("Backspace"); },
                r => r.Url.Contains("/api/v1/search", StringComparison.Ordinal));
        }
        await Expect(result).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "11-new-event-in-search");
    }

    [Fact]
    public async Task An_organiser_sets_an_on_sale_time_fans_see_the_countdown_and_the_sale_shows_in_the_live_report()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var organiser = await api.RegisterOrganiser();
        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, organiser, Api.FanPassword);
        await page.ClickAsync("a[href='/organiser']");

        var name = $"Countdown Coral {Guid.NewGuid().ToString("N")[..6]}";
        await page.FillAsync("#venue-name", "Coral Hall");
        await page.FillAsync("#venue-city", "Faro");
        await page.ClickAsync("#venue-form button[type=submit]");
        await Expect(page.Locator("#venue-id")).ToBeVisibleAsync();
        // The venue is picked from the organiser's own list.
        await Expect(page.Locator("#event-venue option", new() { HasText = "Coral Hall, Faro" })).ToHaveCountAsync(1);

        await page.FillAsync("#event-name", name);
        await page.FillAsync("#event-starts", DateTime.Now.AddDays(40).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#event-onsale", DateTime.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#event-prices input.price")).ToHaveCountAsync(2);
        await page.ClickAsync("#event-form button[type=submit]");
        await Expect(page.Locator("#event-link")).ToBeVisibleAsync();
        var row = page.Locator("#my-events li", new() { HasText = name });
        await Expect(row).ToContainTextAsync("on sale");
        var eventId = await row.GetAttributeAsync("data-event-id");

        await page.GotoAsync($"/events/{eventId}");
        await Expect(page.Locator("#onsale-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#onsale-countdown")).ToHaveTextAsync(new Regex(@"^[12]d \d\d:\d\d:\d\d$"));
        await BrowserFixture.Screenshot(page, "13-on-sale-countdown");

        // Not on sale yet, the organiser may still bring the time forward: to now.
        await page.GotoAsync("/organiser");
        await page.Locator("#my-events li", new() { HasText = name }).Locator(".edit-event").ClickAsync();
        await Expect(page.Locator("#event-submit")).ToHaveTextAsync("Save event");
        await page.FillAsync("#event-onsale", DateTime.Now.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#event-form button[type=submit]");
        await Expect(page.Locator("#event-result")).ToContainTextAsync("Event saved");

        await api.Buy(await api.Token(await api.RegisterFan(), Api.FanPassword), eventId!, "A-1-1", "A-1-2");
        await page.Locator("#my-events li", new() { HasText = name }).Locator(".report-link").ClickAsync();
        await Expect(page.Locator("#total-sold")).ToHaveTextAsync("2");
        await Expect(page.Locator("#sales-chart rect.sales-bar")).ToHaveCountAsync(1);
        // A later sale shows by itself: the page refreshes every few seconds.
        await api.Buy(await api.Token(await api.RegisterFan(), Api.FanPassword), eventId!, "A-2-1");
        await Expect(page.Locator("#total-sold")).ToHaveTextAsync("3", new() { Timeout = 15_000 });
        await BrowserFixture.Screenshot(page, "14-live-sales-report");
    }

    [Fact]
    public async Task An_organiser_cancels_an_event_and_its_page_says_so_and_sells_nothing()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent($"Called Off {Guid.NewGuid().ToString("N")[..6]}");
        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, AppServer.AdminEmail, AppServer.AdminPassword);
        await page.GotoAsync("/organiser");

        await page.FillAsync("#cancel-event", eventId);
        await page.ClickAsync("#cancel-form button[type=submit]");
        await Expect(page.Locator("#cancel-result")).ToContainTextAsync("Tick the box");
        await page.CheckAsync("#cancel-confirm");
        await page.ClickAsync("#cancel-form button[type=submit]");
        await Expect(page.Locator("#cancel-result")).ToContainTextAsync("Event cancelled; 0 bookings refunded.");

        await page.GotoAsync($"/events/{eventId}");
        await Expect(page.Locator("#cancelled-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#event-buying")).ToBeHiddenAsync();
        await BrowserFixture.Screenshot(page, "12-cancelled-event");
    }
}
