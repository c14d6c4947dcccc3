using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>Creates catalog data through the grains with fresh ids, so tests sharing a cluster never see each other's events by filter.</summary>
public sealed class TestEvents(IGrainFactory grains)
{
    public string PerformerId { get; } = "perf_" + Guid.NewGuid().ToString("N");

    public string VenueId { get; } = "ven_" + Guid.NewGuid().ToString("N");

    /// <summary>A performer and a small venue: ten general-admission places, so one reservation (within the ticket limit) sells it out.</summary>
    public async Task Prepare(string performerName)
    {
        await grains.GetGrain<IPerformerGrain>(PerformerId).Save(new Performer(PerformerId, performerName, "indie"));
        await grains.GetGrain<IVenueGrain>(VenueId).Save(new Venue(VenueId, "Tiny Cellar", "Reykjavik", "1 Harbour Street",
            [SectionDefinition.GeneralAdmission("GA", "Floor", 10)]));
    }

    public EventDefinition Definition(string name) =>
        new(name, "A night in a very small room.", "concert", DateTimeOffset.UtcNow.AddDays(30), VenueId, [PerformerId],
            [new SectionPrice("GA", 25m, "USD")], MaxTicketsPerFan: 10);

    public async Task<string> Create(string name)
    {
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<IEventGrain>(eventId).Create(Definition(name));
        Assert.Equal(EventCommandStatus.Ok, result.Status);
        return eventId;
    }

    public SearchQuery Query => new() { Performer = PerformerId, PageSize = 100 };
}
