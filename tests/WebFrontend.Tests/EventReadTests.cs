using System.Net;
using Microsoft.AspNetCore.Hosting;
using TicketMaster.WebFrontend.Reads;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>View and seat map answered from the frontend's copies: checked once a second, stale while storage is down.</summary>
public sealed class EventReadTests(ReadsFactory factory) : IClassFixture<ReadsFactory>
{
    private readonly Api _api = new(factory);

    private static string View(string eventId) => $"/api/v1/view?event_id={eventId}";

    private static string SeatMap(string eventId) => $"/api/v1/events/{eventId}/seats";

    private static string Sections(string eventId) => $"/api/v1/events/{eventId}/sections";

    private static string SectionSeats(string eventId, string query = "") => $"/api/v1/events/{eventId}/sections/A/seats{query}";

    private static long VersionOf(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["version"]!.GetValue<long>();

    private static long EpochOf(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["epoch"]!.GetValue<long>();

    private static int AvailableInA(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!["sections"]!.AsArray().Single(s => s!["sectionId"]!.GetValue<string>() == "A")!["available"]!.GetValue<int>();

    [Fact]
    public async Task A_hot_view_asks_the_event_grain_once_a_second_not_once_a_request()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();
        factory.Calls.Clear();

        for (var second = 0; second < 3; second++)
        {
            for (var i = 0; i < 50; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(View(eventId))).StatusCode);
            factory.ReadClock.Advance(TimeSpan.FromSeconds(1));
        }

        // 150 views over three seconds of a still event: one version check a second, and the view fetched once.
        Assert.Equal(3, factory.Calls.Of(eventId, "GetVersion"));
        Assert.Equal(1, factory.Calls.Of(eventId, "GetView"));
    }

    [Fact]
    public async Task A_hot_section_is_read_from_its_grain_once_a_second_and_its_changes_since_a_version_are_shared_by_every_poller()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();
        var first = await client.GetStringAsync(SectionSeats(eventId));
        var since = $"?since={VersionOf(first)}&epoch={EpochOf(first)}";
        factory.ReadClock.Advance(TimeSpan.FromSeconds(1));
        factory.Calls.Clear();

        for (var second = 0; second < 3; second++)
        {
            for (var i = 0; i < 30; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Sections(eventId))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SectionSeats(eventId))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SectionSeats(eventId, since))).StatusCode);
            }
            factory.ReadClock.Advance(TimeSpan.FromSeconds(1));
        }

        // 270 reads of a still event over three seconds: a version check a second; the overview fetched
        // once; the whole section not again (its copy is from before); its changes since the pollers' version once.
        Assert.Equal(3, factory.Calls.Of(eventId, "GetVersion"));
        Assert.Equal(1, factory.Calls.Of(eventId, "GetView"));
        Assert.Equal(1, factory.Calls.Of(eventId, "GetSectionSeats"));
    }

    [Fact]
    public async Task A_sections_changes_since_a_version_show_a_hold_after_the_next_check()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();
        var first = await client.GetStringAsync(SectionSeats(eventId));
        await Api.Hold(_api.AsNewUser(), eventId, "A-1-1");
        factory.ReadClock.Advance(TimeSpan.FromSeconds(1));

        var delta = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(SectionSeats(eventId, $"?since={VersionOf(first)}&epoch={EpochOf(first)}")))!;

        Assert.False(delta["full"]!.GetValue<bool>());
        Assert.Equal("[[0,1]]", delta["changes"]!.ToJsonString());
    }

    [Fact]
    public async Task A_change_shows_in_view_and_seat_map_after_the_next_check_and_costs_one_fetch_of_each()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();
        Assert.Equal(50, AvailableInA(await client.GetStringAsync(View(eventId))));
        Assert.Equal("available", (await Api.SeatStatuses(client, eventId))["A-1-1"]);
        factory.Calls.Clear();

        await Api.Hold(_api.AsNewUser(), eventId, "A-1-1");
        Assert.Equal(50, AvailableInA(await client.GetStringAsync(View(eventId))));
        factory.ReadClock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(49, AvailableInA(await client.GetStringAsync(View(eventId))));
            Assert.Equal("held", (await Api.SeatStatuses(client, eventId))["A-1-1"]);
        }

        Assert.Equal(1, factory.Calls.Of(eventId, "GetVersion"));
        Assert.Equal(1, factory.Calls.Of(eventId, "GetView"));
        Assert.Equal(1, factory.Calls.Of(eventId, "GetSeats"));
    }

    [Fact]
    public async Task View_seat_maps_and_sections_answer_stale_from_the_frontend_while_the_events_storage_is_down_and_fresh_when_it_is_back()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();
        var view = await client.GetAsync(View(eventId));
        var seats = await client.GetAsync(SeatMap(eventId));
        Assert.False(view.Headers.Contains("Warning"));
        var viewJson = await view.Content.ReadAsStringAsync();
        var seatsJson = await seats.Content.ReadAsStringAsync();
        var sectionsJson = await client.GetStringAsync(Sections(eventId));
        var sectionJson = await client.GetStringAsync(SectionSeats(eventId));

        factory.Journals.Stop();
        try
        {
            // The sale's next hold cannot be stored: its activation drops itself, and the next one cannot load.
            await Api.Problem(await Api.Reserve(_api.AsNewUser(), eventId, "A-1-1"), HttpStatusCode.ServiceUnavailable);
            factory.ReadClock.Advance(TimeSpan.FromSeconds(3));

            foreach (var (url, json) in new[]
                     {
                         (View(eventId), viewJson), (SeatMap(eventId), seatsJson), (Sections(eventId), sectionsJson), (SectionSeats(eventId), sectionJson),
                     })
            {
                var stale = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
                Assert.Equal(EventReadAnswer.StaleWarning, Assert.Single(stale.Headers.GetValues("Warning")));
                Assert.True(stale.Headers.Age >= TimeSpan.FromSeconds(3), $"Age {stale.Headers.Age}");
                Assert.Equal(json, await stale.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            factory.Journals.Start();
        }

        await Eventually.True(async () =>
        {
            factory.ReadClock.Advance(TimeSpan.FromSeconds(1));
            var fresh = await client.GetAsync(View(eventId));
            return fresh.StatusCode == HttpStatusCode.OK && !fresh.Headers.Contains("Warning") && fresh.Headers.Age is null;
        }, TimeSpan.FromSeconds(30), "view answers fresh again");
        // The hold storage refused was never made.
        Assert.Equal(50, AvailableInA(await client.GetStringAsync(View(eventId))));
        var seatMap = await client.GetAsync(SeatMap(eventId));
        Assert.False(seatMap.Headers.Contains("Warning"));
        Assert.Equal("available", (await Api.SeatStatuses(client, eventId))["A-1-1"]);
    }

    [Fact]
    public async Task Made_up_event_ids_answer_404_and_the_copies_stay_within_their_configured_bytes()
    {
        var client = _api.Anonymous();
        for (var i = 0; i < 2500; i++)
        {
            await Api.Problem(await client.GetAsync(View($"evt_madeup{i}")), HttpStatusCode.NotFound);
        }

        Assert.InRange(factory.Reads.Bytes, 1, 1024 * 1024);
        Assert.InRange(factory.Reads.Events, 1, 2499);
    }

    private sealed class WithSetting(string key, string value) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("EventReads:CheckInterval", "-00:00:01")]
    [InlineData("EventReads:Timeout", "00:00:00")]
    [InlineData("EventReads:MaxBytes", "1000")]
    public void A_frontend_refuses_to_start_with_a_wrong_event_reads_setting_and_names_it(string key, string value)
    {
        using var wrong = new WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => wrong.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
