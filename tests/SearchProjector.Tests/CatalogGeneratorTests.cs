using TicketMaster.Grains.Events;
using TicketMaster.Hosting.Seeding;

namespace TicketMaster.SearchProjector.Tests;

public sealed class CatalogGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_makes_the_same_catalog()
    {
        var first = CatalogGenerator.Generate(500, seed: 9, Now).ToSearchDocuments().ToList();
        var second = CatalogGenerator.Generate(500, seed: 9, Now).ToSearchDocuments().ToList();
        var other = CatalogGenerator.Generate(500, seed: 10, Now).ToSearchDocuments().ToList();

        Assert.Equal(first.Select(Describe), second.Select(Describe));
        Assert.NotEqual(first.Select(d => d.Name), other.Select(d => d.Name));
    }

    [Fact]
    public void Every_generated_event_is_valid_for_its_venue_and_in_the_next_two_years()
    {
        var catalog = CatalogGenerator.Generate(2000, seed: 1, Now);
        var venues = catalog.Venues.ToDictionary(v => v.VenueId);
        var performers = catalog.Performers.Select(p => p.PerformerId).ToHashSet();

        Assert.All(catalog.Events, e =>
        {
            Assert.Null(EventDefinitionRules.Validate(e.Definition, venues[e.Definition.VenueId]));
            Assert.InRange(e.Definition.StartsAt, Now, Now.AddYears(2).AddDays(1));
            Assert.NotEmpty(e.Definition.PerformerIds);
            Assert.All(e.Definition.PerformerIds, id => Assert.Contains(id, performers));
            Assert.Contains(e.Definition.Category, new[] { "concert", "sports", "theatre", "comedy", "family", "festival" });
        });
        Assert.Equal(catalog.Events.Count, catalog.Events.Select(e => e.EventId).Distinct().Count());
        Assert.All(catalog.Venues, v => Assert.InRange(v.Sections.Sum(s => s.SeatCount), 200, 3000));
        Assert.Contains(catalog.Venues, v => v.Sections.Any(s => s.IsGeneralAdmission));
        Assert.Contains(catalog.Venues, v => v.Sections.Any(s => !s.IsGeneralAdmission));
        Assert.Equal(6, catalog.Events.Select(e => e.Definition.Category).Distinct().Count());
        Assert.Equal(40, catalog.Venues.Select(v => v.City).Distinct().Count());
    }

    [Fact]
    public void The_famous_head_is_in_even_a_small_catalog()
    {
        var documents = CatalogGenerator.Generate(30, seed: 3, Now).ToSearchDocuments().ToList();

        Assert.Contains(documents, d => d.Performers.Contains("Taylor Swift"));
        Assert.Contains(documents, d => d.Performers.Contains("Metallica"));
    }

    private static string Describe(Search.SearchDocument d) =>
        $"{d.EventId}|{d.Name}|{d.Description}|{d.Category}|{d.StartsAt:O}|{string.Join(',', d.Performers)}|{d.Venue}|{d.City}|{d.MinPrice}|{d.Availability}";
}
