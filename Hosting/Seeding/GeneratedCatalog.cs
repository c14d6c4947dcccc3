using TicketMaster.Catalog;
using TicketMaster.Search;

namespace TicketMaster.Hosting.Seeding;

/// <summary>A made-up catalog: what <see cref="CatalogGenerator.SeedAsync"/> writes through the grains.</summary>
public sealed record GeneratedCatalog(
    IReadOnlyList<Venue> Venues,
    IReadOnlyList<Performer> Performers,
    IReadOnlyList<GeneratedEvent> Events)
{
    /// <summary>
    /// The documents the event grains would publish for this catalog, without a cluster: the way to
    /// fill an index with a million events for a benchmark.
    /// </summary>
    public IEnumerable<SearchDocument> ToSearchDocuments()
    {
        var venues = Venues.ToDictionary(v => v.VenueId);
        var performers = Performers.ToDictionary(p => p.PerformerId);
        foreach (var (eventId, definition) in Events)
        {
            var venue = venues[definition.VenueId];
            yield return new SearchDocument(
                eventId, 1, definition.Name, definition.Description, definition.Category, definition.StartsAt,
                definition.PerformerIds.Select(id => performers[id].Name).ToList(), venue.VenueId, venue.Name, venue.City,
                definition.Prices.Min(p => p.Price), definition.Prices[0].Currency, Availability.Available,
                definition.PerformerIds);
        }
    }
}
