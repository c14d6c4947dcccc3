using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

public sealed class FilterAndFacetTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>
{
    public static TheoryData<string?, string?, string?, string?> Filters => new()
    {
        { null, null, null, null },
        { "Berlin", null, null, null },
        { "berlin", "CONCERT", null, null },
        { "São Paulo", null, null, null },
        { null, "sports", null, null },
        { null, "festival", "Taylor Swift", null },
        { null, null, "taylor swift", null },
        { "Tokyo", null, null, "Tokyo Arena" },
        { null, "theatre", null, null },
        { "Nowhere", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_and_facets_agree_with_a_brute_force_count(string? city, string? category, string? performer, string? venue)
    {
        var expected = data.Upcoming
            .Where(d => city is null || string.Equals(d.City, city, StringComparison.OrdinalIgnoreCase))
            .Where(d => category is null || string.Equals(d.Category, category, StringComparison.OrdinalIgnoreCase))
            .Where(d => performer is null || d.Performers.Contains(performer, StringComparer.OrdinalIgnoreCase))
            .Where(d => venue is null || string.Equals(d.Venue, venue, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var results = await data.Index.SearchAsync(new SearchQuery { City = city, Category = category, Performer = performer, Venue = venue });

        Assert.Equal(expected.Count, results.Total);
        Assert.Equal(Counts(expected, d => d.Category), results.Facets.Category);
        Assert.Equal(Counts(expected, d => d.City), results.Facets.City);
    }

    [Fact]
    public async Task Performer_and_venue_filters_accept_ids_too()
    {
        var document = data.Upcoming.First();

        var byIds = await data.AllPages(new SearchQuery { Performer = document.PerformerIds[0], Venue = document.VenueId, PageSize = 100 });

        Assert.Contains(byIds, d => d.EventId == document.EventId);
        Assert.All(byIds, d => Assert.Equal(document.VenueId, d.VenueId));
        Assert.All(byIds, d => Assert.Contains(document.PerformerIds[0], d.PerformerIds));
    }

    [Fact]
    public async Task Date_range_includes_both_ends_and_nothing_outside()
    {
        var from = GeneratedDocuments.Now.AddDays(30);
        var to = GeneratedDocuments.Now.AddDays(60);
        var expected = data.Documents.Where(d => d.StartsAt >= from && d.StartsAt <= to).ToList();

        var results = await data.Index.SearchAsync(new SearchQuery { From = from, To = to });

        Assert.Equal(expected.Count, results.Total);
        Assert.Equal(Counts(expected, d => d.City), results.Facets.City);
    }

    [Fact]
    public async Task Facets_are_most_frequent_first()
    {
        var results = await data.Index.SearchAsync(new SearchQuery());

        var counts = results.Facets.City.Values.ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    private static Dictionary<string, int> Counts(IEnumerable<SearchDocument> documents, Func<SearchDocument, string> key) =>
        documents.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
}
