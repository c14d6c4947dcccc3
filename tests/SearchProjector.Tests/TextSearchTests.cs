namespace TicketMaster.SearchProjector.Tests;

public sealed class TextSearchTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>
{
    private List<string> UpcomingIdsWithPerformer(string performer) =>
        data.Upcoming.Where(d => d.Performers.Contains(performer)).Select(d => d.EventId).Order(StringComparer.Ordinal).ToList();

    private async Task<List<string>> Ids(SearchQuery query) =>
        (await data.AllPages(query with { PageSize = 100 })).Select(d => d.EventId).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Exact_performer_name_finds_every_event_of_that_performer()
    {
        var expected = UpcomingIdsWithPerformer("Metallica");
        Assert.NotEmpty(expected);

        Assert.Equal(expected, await Ids(new SearchQuery { Text = "Metallica" }));
    }

    [Fact]
    public async Task Typo_in_performer_name_still_finds_the_event()
    {
        var results = await data.Index.SearchAsync(new SearchQuery { Text = "metalica" });

        Assert.Equal(UpcomingIdsWithPerformer("Metallica"), await Ids(new SearchQuery { Text = "metalica" }));
        Assert.Contains("Metallica", results.Items[0].Performers);
    }

    [Fact]
    public async Task Unfinished_and_misspelt_words_together_find_the_performer()
    {
        var results = await data.Index.SearchAsync(new SearchQuery { Text = "tayl swft" });

        Assert.Equal(UpcomingIdsWithPerformer("Taylor Swift"), await Ids(new SearchQuery { Text = "tayl swft" }));
        Assert.Contains("Taylor Swift", results.Items[0].Performers);
    }

    [Fact]
    public async Task Accents_do_not_matter()
    {
        var expected = UpcomingIdsWithPerformer("Beyoncé");
        Assert.NotEmpty(expected);

        Assert.Equal(expected, await Ids(new SearchQuery { Text = "beyonce" }));
    }

    [Fact]
    public async Task Venue_name_finds_every_event_at_that_venue()
    {
        var venue = data.Catalog.Venues.First(v => v.Name.EndsWith(" Arena", StringComparison.Ordinal));
        var atVenue = data.Upcoming.Where(d => d.VenueId == venue.VenueId).Select(d => d.EventId).ToHashSet();
        Assert.NotEmpty(atVenue);

        var found = await Ids(new SearchQuery { Text = venue.Name });

        Assert.Subset(found.ToHashSet(), atVenue);
    }

    [Fact]
    public async Task Every_word_must_match_and_exact_words_rank_above_typos()
    {
        var city = data.Upcoming.First(d => d.Performers.Contains("Metallica")).City;
        var inCity = data.Upcoming.Where(d => d.Performers.Contains("Metallica") && d.City == city).Select(d => d.EventId).ToHashSet();

        var found = await data.AllPages(new SearchQuery { Text = $"metallica {city}", PageSize = 100 });

        Assert.True(found.Count < UpcomingIdsWithPerformer("Metallica").Count, "the city should narrow Metallica's events down");
        Assert.All(found, d => Assert.Contains("Metallica", d.Performers));
        // Words a few typos away from the city may match too, but below the events really in it.
        Assert.Equal(inCity, found.Take(inCity.Count).Select(d => d.EventId).ToHashSet());
    }

    [Fact]
    public async Task Text_that_matches_nothing_finds_nothing()
    {
        var results = await data.Index.SearchAsync(new SearchQuery { Text = "xqzvwkj" });

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Items);
        Assert.Empty(results.Facets.Category);
    }

    [Fact]
    public async Task Text_can_be_sorted_by_date_instead_of_relevance()
    {
        var results = await data.AllPages(new SearchQuery { Text = "Metallica", Sort = SearchSort.Date, PageSize = 100 });

        Assert.NotEmpty(results);
        Assert.Equal(results.OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal).Select(d => d.EventId), results.Select(d => d.EventId));
    }
}
