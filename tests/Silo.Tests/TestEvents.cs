using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Silo.Tests;

/// <summary>Venues and events created through the grains, with fresh ids so tests never share seats.</summary>
public static class TestEvents
{
    public static async Task<string> CreateSeatedAsync(IGrainFactory grains, int rows, int seatsPerRow)
    {
        var venueId = "ven_" + Guid.NewGuid().ToString("N");
        await grains.GetGrain<IVenueGrain>(venueId).Save(
            new Venue(venueId, "Test Arena", "Berlin", "Street 1", [SectionDefinition.Seated("A", "Floor A", rows, seatsPerRow)]));
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<IEventGrain>(eventId).Create(new EventDefinition(
            "Test Night", "A test event", "concert", DateTimeOffset.UtcNow.AddMonths(6), venueId, [], [new SectionPrice("A", 100m, "USD")]));
        Assert.Equal(EventCommandStatus.Ok, result.Status);
        return eventId;
    }

    public static string User() => "u_" + Guid.NewGuid().ToString("N");
}
