using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TicketMaster.Browser.Tests;

/// <summary>What a fan does in the browser, step by step, as the pages offer it.</summary>
public static partial class Fan
{
    public static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/account");
        await page.FillAsync("#signin-email", email);
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
    }

    public static ILocator Seat(IPage page, string seatId) => page.Locator($"[data-seat='{seatId}']");

    public static Task ExpectSeat(IPage page, string seatId, string state, float timeoutMs = 15_000) =>
        Expect(Seat(page, seatId)).ToHaveClassAsync(new Regex($@"\b{state}\b"), new LocatorAssertionsToHaveClassOptions { Timeout = timeoutMs });

    public static async Task PickSeatsAndHold(IPage page, params string[] seatIds)
    {
        foreach (var id in seatIds)
        {
            await Seat(page, id).ClickAsync();
            await ExpectSeat(page, id, "selected");
        }
        await page.ClickAsync("#reserve");
        await Expect(page.Locator("#countdown")).ToHaveTextAsync(Countdown());
    }

    [GeneratedRegex(@"^\d+:\d\d$")]
    public static partial Regex Countdown();
}
