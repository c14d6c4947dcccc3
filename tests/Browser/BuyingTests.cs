using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QRCoder;
using static Microsoft.Playwright.Assertions;

namespace TicketMaster.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BuyingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_fan_finds_an_event_with_a_typo_picks_two_seats_pays_and_sees_two_QR_codes_while_another_fan_sees_them_sold_within_3_s()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent("Marigold Tempest");
        var page = await browser.NewPage(browser.Server);

        // Register through the page; the token it gets stays in this tab's sessionStorage.
        var email = $"buyer-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/account");
        await page.FillAsync("#register-name", "Ada Buyer");
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Api.FanPassword);
        await page.ClickAsync("#register-form button[type=submit]");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();

        // Typed as it is heard, not as it is spelled; results come as the fan types.
        await page.GotoAsync("/");
        await page.Locator("#q").PressSequentiallyAsync("marigld tempst");
        var result = page.Locator("#results a", new PageLocatorOptions { HasText = "Marigold Tempest" });
        await Expect(result).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        await BrowserFixture.Screenshot(page, "01-search-with-a-typo");
        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/events/{eventId}$"));

        var other = await browser.NewPage(browser.Server);
        await other.GotoAsync($"/events/{eventId}");
        await Fan.ExpectSeat(other, "A-2-5", "available");

        await Fan.PickSeatsAndHold(page, "A-2-5", "A-2-6");
        await Fan.ExpectSeat(page, "A-2-5", "yours");
        await BrowserFixture.Screenshot(page, "02-two-seats-held-countdown");

        // The other fan is looking at their screen (the page in front polls every second).
        await other.BringToFrontAsync();
        await Fan.ExpectSeat(other, "A-2-5", "held");

        await page.FillAsync("#pay-token", "tok_visa");
        await page.ClickAsync("#pay");
        await Expect(page.Locator("#confirmation")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "03-paid");

        // The other fan's page polls with ETags: sold within 3 s of the sale, no reload.
        await Fan.ExpectSeat(other, "A-2-5", "sold", 3_000);
        await Fan.ExpectSeat(other, "A-2-6", "sold", 3_000);
        await BrowserFixture.Screenshot(other, "04-another-fan-sees-them-sold");

        await page.ClickAsync("text=See my tickets");
        var images = page.Locator("img[data-ticket]");
        await Expect(images).ToHaveCountAsync(2);
        await Expect(images.First).ToHaveAttributeAsync("src", new Regex("^data:image/svg"));
        await Expect(images.Last).ToHaveAttributeAsync("src", new Regex("^data:image/svg"));
        await BrowserFixture.Screenshot(page, "05-my-tickets-qr-codes");

        // Each QR code on the page is exactly the one QRCoder draws for that ticket's code.
        var bookings = await api.Bookings(await api.Token(email, Api.FanPassword));
        var tickets = Assert.Single(bookings)!["tickets"]!.AsArray();
        Assert.Equal(2, tickets.Count);
        foreach (var ticket in tickets)
        {
            var src = await page.Locator($"img[data-ticket='{ticket!["ticketId"]!.GetValue<string>()}']").GetAttributeAsync("src");
            var shown = Encoding.UTF8.GetString(Convert.FromBase64String(src!["data:image/svg+xml;base64,".Length..]));
            Assert.Equal(ExpectedQr(ticket["code"]!.GetValue<string>()), shown);
        }
    }

    [Fact]
    public async Task A_fan_transfers_a_ticket_the_friend_sees_it_and_the_scanner_page_admits_its_code_once_and_refuses_it_after()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent("Velvet Lighthouse");
        var fanEmail = await api.RegisterFan();
        var friendEmail = await api.RegisterFan("Friend");
        await api.Buy(await api.Token(fanEmail, Api.FanPassword), eventId, "A-3-1", "A-3-2");

        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, fanEmail, Api.FanPassword);
        await page.GotoAsync("/tickets");
        await Expect(page.Locator("img[data-ticket]")).ToHaveCountAsync(2);
        await page.ClickAsync("details.transfer summary");
        var form = page.Locator("form.transfer-form");
        await form.Locator("input[name=ticketIds]").Last.CheckAsync();
        await form.Locator("input[name=toEmail]").FillAsync(friendEmail);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#tickets-message")).ToContainTextAsync("new codes");
        await Expect(page.Locator("img[data-ticket]")).ToHaveCountAsync(1);
        await BrowserFixture.Screenshot(page, "08-ticket-transferred");

        var friend = await browser.NewPage(browser.Server);
        await Fan.SignIn(friend, friendEmail, Api.FanPassword);
        await friend.GotoAsync("/tickets");
        await Expect(friend.Locator("img[data-ticket]")).ToHaveCountAsync(1);
        var code = (await friend.Locator(".ticket .code").First.InnerTextAsync()).Trim();

        var door = await browser.NewPage(browser.Server);
        await Fan.SignIn(door, AppServer.AdminEmail, AppServer.AdminPassword);
        await door.GotoAsync($"/scan?event={eventId}");
        await door.FillAsync("#scan-code", code);
        await door.ClickAsync("#scan-form button[type=submit]");
        await Expect(door.Locator("#scan-answer.scan-ok")).ToContainTextAsync("ADMIT");
        await BrowserFixture.Screenshot(door, "09-scanner-admits");
        await door.FillAsync("#scan-code", code);
        await door.ClickAsync("#scan-form button[type=submit]");
        await Expect(door.Locator("#scan-answer.scan-bad")).ToContainTextAsync("ALREADY SCANNED");
        await BrowserFixture.Screenshot(door, "10-scanner-refuses-the-second-time");
    }

    [Fact]
    public async Task A_declined_payment_says_so_and_keeps_the_hold()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent("Declined Card Night");
        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, await api.RegisterFan(), Api.FanPassword);
        await page.GotoAsync($"/events/{eventId}");
        await Fan.PickSeatsAndHold(page, "A-1-1");

        await page.ClickAsync(".tokens button:has-text('tok_decline')");
        await page.ClickAsync("#pay");
        await Expect(page.Locator("#message")).ToContainTextAsync("declined");
        await Expect(page.Locator("#countdown")).ToBeVisibleAsync();
        await Fan.ExpectSeat(page, "A-1-1", "yours");
        Assert.Equal("held", await api.SeatStatus(eventId, "A-1-1", "held"));
        await BrowserFixture.Screenshot(page, "06-declined-payment-keeps-hold");
    }

    [Fact]
    public async Task Seats_taken_between_two_looks_at_the_map_are_named_and_ringed_on_it()
    {
        using var api = new Api(browser.Server.BaseAddress);
        var eventId = await api.CreateEvent("Conflict Cabaret");
        var page = await browser.NewPage(browser.Server);
        await Fan.SignIn(page, await api.RegisterFan(), Api.FanPassword);
        await page.GotoAsync($"/events/{eventId}");
        await Fan.Seat(page, "A-1-7").ClickAsync();
        await Fan.Seat(page, "A-1-8").ClickAsync();
        await Fan.ExpectSeat(page, "A-1-8", "selected");

        // The page's next look at the map is held back, so the reserve itself meets the 409.
        await page.RouteAsync("**/api/v1/events/*/seats", route => route.AbortAsync());
        await api.Hold(await api.Token(await api.RegisterFan(), Api.FanPassword), eventId, "A-1-8");
        await page.ClickAsync("#reserve");

        await Expect(page.Locator("#message")).ToContainTextAsync("someone else just took Stalls, row 1, seat 8");
        await Expect(Fan.Seat(page, "A-1-8")).ToHaveClassAsync(new Regex(@"\bconflict\b"));
        await Fan.ExpectSeat(page, "A-1-7", "selected");
        await BrowserFixture.Screenshot(page, "06b-seat-taken-409");
    }

    [Fact]
    public async Task An_expired_hold_says_so_and_the_seats_are_free_again()
    {
        var server = browser.ShortHolds;
        using var api = new Api(server.BaseAddress);
        var eventId = await api.CreateEvent("Five Second Hold");
        var page = await browser.NewPage(server);
        await Fan.SignIn(page, await api.RegisterFan(), Api.FanPassword);
        await page.GotoAsync($"/events/{eventId}");
        await Fan.PickSeatsAndHold(page, "A-3-4", "A-3-5");

        await Expect(page.Locator("#message")).ToContainTextAsync("expired", new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        await Fan.ExpectSeat(page, "A-3-4", "available");
        await Fan.ExpectSeat(page, "A-3-5", "available");
        Assert.Equal("available", await api.SeatStatus(eventId, "A-3-4", "available"));
        await BrowserFixture.Screenshot(page, "07-expired-hold");
    }

    [Fact]
    public async Task A_waitlisted_fan_gets_seats_held_when_a_hold_expires_and_buys_them()
    {
        var server = browser.ShortHolds;
        using var api = new Api(server.BaseAddress);
        var eventId = await api.CreateEvent("Waitlist Night");
        // Section A (48 seats) held by six fans, eight each: sold out until their five-second holds expire.
        foreach (var row in Enumerable.Range(1, 4))
        {
            foreach (var half in new[] { 0, 6 })
            {
                var token = await api.Token(await api.RegisterFan(), Api.FanPassword);
                await api.Hold(token, eventId, [.. Enumerable.Range(half + 1, 6).Select(n => $"A-{row}-{n}")]);
            }
        }
        var page = await browser.NewPage(server);
        await Fan.SignIn(page, await api.RegisterFan(), Api.FanPassword);
        await page.GotoAsync($"/events/{eventId}");

        await page.ClickAsync("[data-waitlist='A']");
        await Expect(page.Locator("#message")).ToContainTextAsync("number 1 on the waitlist");
        await BrowserFixture.Screenshot(page, "11-waitlist-joined");

        await Expect(page.Locator("#pay")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await BrowserFixture.Screenshot(page, "12-waitlist-offer-held");
        await page.FillAsync("#pay-token", "tok_visa");
        await page.ClickAsync("#pay");
        await Expect(page.Locator("#confirmation")).ToBeVisibleAsync();
    }

    private static string ExpectedQr(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
