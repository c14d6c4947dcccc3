using Microsoft.Extensions.Time.Testing;
using TicketMaster.Hosting.Seeding;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// A segment large enough that searches by date count it from its block counts (1,024 ranks a block) rather than match
/// by match, with deletes inside whole blocks: every window, at block edges or not, must count like the documents.
/// </summary>
public sealed class LargeSegmentTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly LuceneSearchIndex _index = new(new FakeTimeProvider(Now));
    private readonly Dictionary<string, SearchDocument> _current = new(StringComparer.Ordinal);

    public LargeSegmentTests()
    {
        // One refresh for all: one segment of 9,000 events.
        var documents = CatalogGenerator.Generate(9000, seed: 5, Now).ToSearchDocuments().ToList();
        foreach (var document in documents) Apply(document);
        _index.Refresh();
        // Every fifth event moves to another city and a later date: its old copy becomes a deleted document of the large segment.
        for (var i = 0; i < documents.Count; i += 5)
        {
            Apply(documents[i] with { Version = documents[i].Version + 1, City = documents[(i + 1) % documents.Count].City, StartsAt = documents[i].StartsAt.AddDays(11) });
        }
        _index.Refresh();
    }

    public void Dispose() => _index.Dispose();

    public static TheoryData<int, int, string?, string?> Windows() => new()
    {
        { 0, 10_000, null, null },
        { 17, 403, null, null },
        { 17, 403, "concert", null },
        { 1, 700, null, "Paris" },
        { 100, 160, "sports", "London" },
        { 250, 259, null, null },
        { 3, 6, "concert", "Berlin" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task A_date_window_over_a_large_segment_with_deletes_counts_and_pages_like_the_documents(int fromDay, int toDay, string? category, string? city)
    {
        var from = Now.AddDays(fromDay);
        var to = Now.AddDays(toDay);
        var expected = _current.Values
            .Where(d => d.StartsAt >= from && d.StartsAt <= to && (category is null || d.Category == category) && (city is null || d.City == city))
            .OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal)
            .ToList();
        var query = new SearchQuery { From = from, To = to, Category = category, City = city, PageSize = 50, Page = 2 };

        var results = await _index.SearchAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, results.Total);
        Assert.Equal(Facets(expected), results.Facets, FacetsComparer.Instance);
        Assert.Equal(expected.Skip(50).Take(50).Select(d => d.EventId), results.Items.Select(d => d.EventId));
        Assert.Equal(expected[0].StartsAt, results.StableUntil);
    }

    [Fact]
    public async Task Text_over_a_large_segment_with_deletes_counts_only_live_events()
    {
        var word = _current.Values.First().Performers[0].Split(' ').MaxBy(w => w.Length)!;
        var everyPage = new List<SearchDocument>();
        var query = new SearchQuery { Text = word, From = Now, PageSize = 100 };
        SearchResults page;
        do
        {
            page = await _index.SearchAsync(query with { Page = everyPage.Count / 100 + 1 });
            everyPage.AddRange(page.Items);
        }
        while (page.Items.Count == 100);

        Assert.Equal(page.Total, everyPage.Count);
        Assert.All(everyPage, d => Assert.Equal(_current[d.EventId].Version, d.Version));
        Assert.Equal(Facets(everyPage), page.Facets, FacetsComparer.Instance);
    }

    private void Apply(SearchDocument document)
    {
        Assert.True(_index.Apply(document));
        _current[document.EventId] = document;
    }

    private static SearchFacets Facets(IReadOnlyCollection<SearchDocument> documents) => new(
        documents.GroupBy(d => d.Category).ToDictionary(g => g.Key, g => g.Count()),
        documents.GroupBy(d => d.City).ToDictionary(g => g.Key, g => g.Count()));
}
