using System.Net;
using System.Text.RegularExpressions;
using TicketMaster.WebFrontend.Hosting;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed partial class WebAppTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Pages_carry_a_strict_CSP_whose_nonce_is_the_import_maps_and_the_API_one_that_allows_nothing()
    {
        var client = _api.Anonymous();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.StartsWith("text/html", home.Content.Headers.ContentType!.ToString());
        var csp = Assert.Single(home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        Assert.DoesNotMatch("<script(?![^>]*(type=\"importmap\"|src=))[^>]*>", html);

        // JSON is never a document to run: its policy allows nothing (SecurityHeaders).
        Assert.Equal(SecurityHeaders.NoContentPolicy, Assert.Single((await client.GetAsync("/api/v1/search?text=rock")).Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(SecurityHeaders.NoContentPolicy, Assert.Single((await client.GetAsync("/openapi/v1.json")).Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Scripts_and_styles_are_fingerprinted_and_cached_as_immutable()
    {
        var client = _api.Anonymous();
        var html = await client.GetStringAsync("/");
        var script = FingerprintedAppModule().Match(html);
        Assert.True(script.Success, "the page should load js/app.{fingerprint}.js");
        var answer = await client.GetAsync("/" + script.Value);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("immutable", answer.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_ticket_QR_code_is_an_SVG_for_its_owner_and_not_found_for_anyone_else()
    {
        var eventId = await _api.CreateEvent();
        var (fan, _) = await _api.RegisteredUser();
        var booking = await Api.Json(await Api.Book(fan, await Api.Hold(fan, eventId, "A-1-1")));
        var bookingId = booking["bookingId"]!.GetValue<string>();
        var ticketId = booking["tickets"]![0]!["ticketId"]!.GetValue<string>();
        var path = $"/api/v1/bookings/{bookingId}/tickets/{ticketId}/qr.svg";

        var qr = await fan.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Contains("no-store", qr.Headers.CacheControl!.ToString());

        await Api.Problem(await _api.AsNewUser().GetAsync(path), HttpStatusCode.NotFound);
        await Api.Problem(await fan.GetAsync($"/api/v1/bookings/{bookingId}/tickets/nope/qr.svg"), HttpStatusCode.NotFound);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex(@"js/app\.[a-z0-9]+\.js")]
    private static partial Regex FingerprintedAppModule();
}
