using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;
using TicketMaster.Hosting.Seeding;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// An index as a long-running replica has it: many segments (one per refresh), and events moved by
/// newer versions, whose old copies stay behind as deleted documents. Searches without text read
/// cached per-segment columns and merge segments themselves, so these rules are checked here
/// against answers computed from the documents.
/// </summary>
public sealed class SegmentedIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly LuceneSearchIndex _index;
    private readonly Dictionary<string, SearchDocument> _current = new(StringComparer.Ordinal);

    public SegmentedIndexTests()
    {
        _index = new LuceneSearchIndex(_time);
        var documents = CatalogGenerator.Generate(2400, seed: 11, Now).ToSearchDocuments().ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            Apply(documents[i]);
            if (i % 300 == 299) _index.Refresh();
        }
        // Every seventh event moves by a few days: its old copy is deleted in an older segment, the new one lands in a new segment.
        for (var i = 0; i < documents.Count; i += 7)
        {
            var moved = documents[i] with { Version = documents[i].Version + 1, StartsAt = documents[i].StartsAt.AddDays(3) };
            Apply(moved);
            if (i % 700 == 0) _index.Refresh();
        }
        _index.Refresh();
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Pages_by_date_across_segments_hold_each_event_once_at_its_newest_date()
    {
        var expected = Upcoming().OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal).ToList();

        var paged = await AllPages(new SearchQuery { PageSize = 41 });

        Assert.Equal(expected.Select(d => (d.EventId, d.StartsAt)), paged.Select(d => (d.EventId, d.StartsAt)));
    }

    [Fact]
    public async Task Events_starting_at_the_same_moment_in_different_segments_page_by_event_id()
    {
        using var index = new LuceneSearchIndex(_time);
        var template = _current.Values.First(d => d.StartsAt > Now);
        var moment = Now.AddDays(30);
        // Ids interleaved over three segments, so every page mixes all three and its order is the ids'.
        var ids = Enumerable.Range(0, 90).Select(i => $"same-{i:D3}").ToList();
        for (var segment = 0; segment < 3; segment++)
        {
            foreach (var id in ids.Where((_, i) => i % 3 == segment)) index.Apply(template with { EventId = id, StartsAt = moment, Version = 1 });
            index.Refresh();
        }

        foreach (var query in new[] { new SearchQuery { PageSize = 7 }, new SearchQuery { Text = template.Performers[0], PageSize = 7 } })
        {
            var paged = new List<string>();
            for (var page = 1; page <= 13; page++) paged.AddRange((await index.SearchAsync(query with { Page = page })).Items.Select(d => d.EventId));

            Assert.Equal(ids, paged);
        }
    }

    [Fact]
    public async Task A_date_window_with_a_keyword_pages_and_counts_like_the_documents()
    {
        var city = _current.Values.GroupBy(d => d.City).OrderByDescending(g => g.Count()).First().Key;
        var from = Now.AddDays(100);
        var to = Now.AddDays(400);
        var expected = _current.Values
            .Where(d => d.City == city && d.StartsAt >= from && d.StartsAt <= to)
            .OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal)
            .ToList();
        var query = new SearchQuery { City = city.ToUpperInvariant(), From = from, To = to, PageSize = 13 };

        var first = await _index.SearchAsync(query);
        var paged = await AllPages(query);

        Assert.True(expected.Count > 13 * 2, $"the window should span several pages, it holds {expected.Count}");
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Select(d => d.EventId), paged.Select(d => d.EventId));
        Assert.Equal(Facets(expected), first.Facets, FacetsComparer.Instance);
    }

    [Fact]
    public async Task Facets_without_filters_count_every_upcoming_event_once()
    {
        var results = await _index.SearchAsync(new SearchQuery());

        Assert.Equal(Upcoming().Count, results.Total);
        Assert.Equal(Facets(Upcoming()), results.Facets, FacetsComparer.Instance);
    }

    [Fact]
    public async Task Text_with_a_keyword_finds_exactly_the_text_matches_that_hold_the_keyword()
    {
        var performer = _current.Values.SelectMany(d => d.Performers).GroupBy(p => p).OrderByDescending(g => g.Count()).First().Key;
        var word = performer.Split(' ').MaxBy(w => w.Length)!;
        var city = _current.Values.Where(d => d.Performers.Contains(performer)).GroupBy(d => d.City).OrderByDescending(g => g.Count()).First().Key;
        var textOnly = await AllPages(new SearchQuery { Text = word, PageSize = 100 });

        var withCity = await _index.SearchAsync(new SearchQuery { Text = word, City = city, PageSize = 100 });

        var expected = textOnly.Where(d => d.City == city).Select(d => d.EventId).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, withCity.Total);
        Assert.Equal(expected, (await AllPages(new SearchQuery { Text = word, City = city, PageSize = 100 })).Select(d => d.EventId).ToHashSet());
    }

    [Fact]
    public async Task A_misspelt_word_finds_events_indexed_after_the_same_word_was_searched()
    {
        Apply(Event("evt_zephyrine_1", "Zephyrine Quartet"));
        _index.Refresh();
        Assert.Equal(["evt_zephyrine_1"], (await _index.SearchAsync(new SearchQuery { Text = "zephyrin" })).Items.Select(d => d.EventId));

        Apply(Event("evt_zephyrine_2", "Zephyrina Trio"));

        Assert.Equal(
            ["evt_zephyrine_1", "evt_zephyrine_2"],
            (await _index.SearchAsync(new SearchQuery { Text = "zephyrin", Sort = SearchSort.Date })).Items.Select(d => d.EventId));
    }

    private void Apply(SearchDocument document)
    {
        Assert.True(_index.Apply(document));
        _current[document.EventId] = document;
    }

    private List<SearchDocument> Upcoming() => _current.Values.Where(d => d.StartsAt >= Now).ToList();

    private async Task<List<SearchDocument>> AllPages(SearchQuery query)
    {
        var all = new List<SearchDocument>();
        for (var page = 1; ; page++)
        {
            var results = await _index.SearchAsync(query with { Page = page });
            all.AddRange(results.Items);
            if (results.Items.Count < query.PageSize) return all;
        }
    }

    private static SearchFacets Facets(IReadOnlyCollection<SearchDocument> documents) => new(
        documents.GroupBy(d => d.Category).ToDictionary(g => g.Key, g => g.Count()),
        documents.GroupBy(d => d.City).ToDictionary(g => g.Key, g => g.Count()));

    private static SearchDocument Event(string id, string name) =>
        new(id, 1, name, "Chamber music.", "concert", Now.AddDays(id.EndsWith('1') ? 10 : 20), [name], "v_zephyr", "Small Hall", "Graz",
            30m, "EUR", Availability.Available, ["p_" + id]);
}
