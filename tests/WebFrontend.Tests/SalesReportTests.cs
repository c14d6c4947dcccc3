using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The sales report comes from the event's seat map and agrees with it, and with what the fans were charged and refunded.</summary>
[Collection(ApiCollection.Name)]
public sealed class SalesReportTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Report_totals_equal_the_audit_of_the_seat_map_after_a_random_sale_with_cancels_and_refunds()
    {
        var (organiser, _) = await _api.Organiser();
        var eventId = await _api.CreateEventAs(organiser, await Api.CreateVenue(organiser, rows: 4));
        var random = new Random(27);
        var charged = new Dictionary<string, decimal>();
        var cancelled = new HashSet<string>();
        var seatsBought = 0;

        for (var i = 0; i < 30; i++)
        {
            if (random.Next(3) == 0) factory.Time.Advance(TimeSpan.FromSeconds(random.Next(20, 90)));
            var fan = _api.AsNewUser();
            var reserve = await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId, sectionId = random.Next(2) == 0 ? "A" : "GA", quantity = random.Next(1, 4) });
            if (reserve.StatusCode != HttpStatusCode.Created) continue;
            var reservationId = (await Api.Json(reserve))["reservationId"]!.GetValue<string>();
            if (random.Next(6) == 0) continue; // left held
            var book = await Api.Book(fan, reservationId, random.Next(8) == 0 ? "tok_decline" : "tok_visa");
            if (book.StatusCode != HttpStatusCode.Created) continue;
            var booking = await Api.Json(book);
            var bookingId = booking["bookingId"]!.GetValue<string>();
            charged[bookingId] = booking["total"]!.GetValue<decimal>();
            seatsBought += booking["tickets"]!.AsArray().Count;
            if (random.Next(4) == 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await fan.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null)).StatusCode);
                cancelled.Add(bookingId);
                seatsBought -= booking["tickets"]!.AsArray().Count;
            }
        }
        Assert.True(charged.Count >= 10 && cancelled.Count >= 2, $"Only {charged.Count} bookings, {cancelled.Count} cancelled.");

        var report = await Api.Json(await organiser.GetAsync($"/api/v1/events/{eventId}/sales"));
        var audit = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IEventGrain>(eventId).Audit();
        var totals = report["totals"]!;
        var sections = report["sections"]!.AsArray();
        Assert.Equal((audit.RecountedSold, audit.RecountedHeld), (totals["sold"]!.GetValue<int>(), totals["held"]!.GetValue<int>()));
        Assert.Equal(audit.RecountedAvailable, sections.Sum(s => s!["available"]!.GetValue<int>()));
        Assert.Equal(seatsBought, totals["sold"]!.GetValue<int>());
        Assert.Equal(sections.Sum(s => s!["sold"]!.GetValue<int>()), totals["sold"]!.GetValue<int>());
        Assert.Equal(charged.Where(c => !cancelled.Contains(c.Key)).Sum(c => c.Value), totals["revenue"]!.GetValue<decimal>());
        Assert.Equal(sections.Sum(s => s!["revenue"]!.GetValue<decimal>()), totals["revenue"]!.GetValue<decimal>());
        Assert.Equal(charged.Count - cancelled.Count, totals["bookings"]!.GetValue<int>());
        Assert.Equal(cancelled.Count, totals["refunded"]!.GetValue<int>());
        var perMinute = report["perMinute"]!.AsArray();
        Assert.True(perMinute.Count > 1, "The sale spans several minutes.");
        Assert.Equal(totals["sold"]!.GetValue<int>(), perMinute.Sum(m => m!["sold"]!.GetValue<int>()));
        Assert.Equal(totals["revenue"]!.GetValue<decimal>(), perMinute.Sum(m => m!["revenue"]!.GetValue<decimal>()));

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events/{eventId}/sales");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await organiser.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("bookingId,confirmedAt,sectionId,seats,amount,currency,status", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(charged.Keys.Order(), rows.Select(r => r[0]).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal(7, r.Length);
            Assert.Equal(charged[r[0]], decimal.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(cancelled.Contains(r[0]) ? "refunded" : "sold", r[6]);
            Assert.True(DateTimeOffset.TryParse(r[1], System.Globalization.CultureInfo.InvariantCulture, out _));
        });
        Assert.DoesNotContain("@", string.Join('\n', lines));
    }

    [Fact]
    public async Task An_event_with_no_sales_reports_zeros_per_section()
    {
        var (organiser, _) = await _api.Organiser();
        var eventId = await _api.CreateEventAs(organiser, await Api.CreateVenue(organiser, rows: 2));

        var report = await Api.Json(await organiser.GetAsync($"/api/v1/events/{eventId}/sales"));

        Assert.Equal("USD", report["currency"]!.GetValue<string>());
        Assert.Equal([("A", 20, 20), ("GA", 50, 50)], report["sections"]!.AsArray().Select(s => (s!["sectionId"]!.GetValue<string>(), s["capacity"]!.GetValue<int>(), s["available"]!.GetValue<int>())));
        Assert.Equal(0, report["totals"]!["bookings"]!.GetValue<int>());
        Assert.Empty(report["perMinute"]!.AsArray());
    }
}
