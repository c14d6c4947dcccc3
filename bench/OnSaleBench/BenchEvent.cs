using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>A fresh venue of a given size (sections of 100 rows x 100 seats) and one event in it.</summary>
public sealed record BenchEvent(string EventId, Venue Venue, IEventGrain Grain)
{
    public const int SeatsPerSection = 10_000;

    public int SeatCount => Venue.Sections.Sum(s => s.SeatCount);

    public static async Task<BenchEvent> Create(IGrainFactory grains, int seats)
    {
        var sections = new List<SectionDefinition>();
        for (var first = 0; first < seats; first += SeatsPerSection)
        {
            var rows = Math.Min(SeatsPerSection, seats - first) / 100;
            var number = sections.Count + 1;
            sections.Add(SectionDefinition.Seated($"S{number}", $"Section {number}", rows, 100));
        }
        var venue = new Venue("ven_bench_" + Guid.NewGuid().ToString("N"), "Bench Stadium", "Berlin", "Olympiapark 1", sections);
        await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);

        var id = "evt_bench_" + Guid.NewGuid().ToString("N");
        var definition = new EventDefinition("Bench Night", "An on-sale", "concert", DateTimeOffset.UtcNow.AddMonths(3), venue.VenueId, [],
            sections.Select(s => new SectionPrice(s.SectionId, 80m, "EUR")).ToList());
        var grain = grains.GetGrain<IEventGrain>(id);
        var created = await grain.Create(definition);
        if (created.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"Creating the bench event failed: {created.Status} {created.Field} {created.Error}");
        return new BenchEvent(id, venue, grain);
    }
}
