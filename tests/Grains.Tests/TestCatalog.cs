using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

/// <summary>Creates venues and events through the grains, each with fresh ids so tests never share seats.</summary>
public static class TestCatalog
{
    public static Task<string> CreateEvent(ClusterFixture fixture, params SectionDefinition[] sections) =>
        CreateEventStarting(fixture, fixture.Time.GetUtcNow().AddMonths(6), sections);

    public static Task<string> CreateEvent(ClusterFixture fixture, int maxTicketsPerFan, params SectionDefinition[] sections) =>
        CreateEventStarting(fixture, fixture.Time.GetUtcNow().AddMonths(6), sections, maxTicketsPerFan);

    /// <summary>An event created by (and owned by) <paramref name="owner"/>.</summary>
    public static Task<string> CreateEvent(ClusterFixture fixture, string owner, params SectionDefinition[] sections) =>
        CreateEventStarting(fixture, fixture.Time.GetUtcNow().AddMonths(6), sections, owner: owner);

    public static async Task<string> CreateEventStarting(ClusterFixture fixture, DateTimeOffset startsAt, SectionDefinition[] sections,
        int maxTicketsPerFan = EventDefinition.DefaultMaxTicketsPerFan, string owner = "")
    {
        var venueId = "ven_" + Guid.NewGuid().ToString("N");
        await fixture.Grains.GetGrain<IVenueGrain>(venueId).Save(new Venue(venueId, "Test Arena", "Berlin", "Street 1", sections));
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var prices = sections.Select(s => new SectionPrice(s.SectionId, 100m, "USD")).ToList();
        var result = await fixture.Grains.GetGrain<IEventGrain>(eventId).Create(
            new EventDefinition("Test Night", "A test event", "concert", startsAt, venueId, [], prices, maxTicketsPerFan), owner);
        Assert.Equal(EventCommandStatus.Ok, result.Status);
        return eventId;
    }

    public static Task<string> CreateSeatedEvent(ClusterFixture fixture, int rows = 10, int seatsPerRow = 20) =>
        CreateEvent(fixture, SectionDefinition.Seated("A", "Floor A", rows, seatsPerRow));

    public static string User() => "u_" + Guid.NewGuid().ToString("N");
}
