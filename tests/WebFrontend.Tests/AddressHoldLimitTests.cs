using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Booking:HoldsPerAddress over HTTP: accounts are cheap, so one address cannot hold an event through many of them.</summary>
[Collection(ApiCollection.Name)]
public sealed class AddressHoldLimitTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private HttpClient NewFanAt(string address) => factory.ClientAt(address, factory.Services.GetRequiredService<TokenIssuer>()
        .Issue(new UserIdentity("u_" + Guid.NewGuid().ToString("N"), "fan@example.com", "Fan", [])).Token);

    [Fact]
    public async Task Five_accounts_from_one_address_cannot_hold_more_than_four_fans_worth_of_seats()
    {
        var eventId = await _api.CreateEvent(maxTicketsPerFan: 2);
        for (var fan = 0; fan < 4; fan++)
        {
            await Api.Hold(NewFanAt("203.0.113.50"), eventId, $"A-1-{(2 * fan) + 1}", $"A-1-{(2 * fan) + 2}");
        }

        var refused = await Api.Problem(await Api.Reserve(NewFanAt("203.0.113.50"), eventId, "A-2-1"), HttpStatusCode.Conflict);
        Assert.Contains("network address", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // Another address, and this machine itself (a benchmark, a local proxy), are not counted with it.
        await Api.Hold(NewFanAt("198.51.100.51"), eventId, "A-2-2");
        await Api.Hold(NewFanAt("127.0.0.1"), eventId, "A-2-3");
    }
}
