using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests.Contract;

/// <summary>
/// What every <see cref="ISearchIndex"/> must do, whatever engine holds it: the rules behind
/// <c>GET /api/v1/search</c> and the projector's checkpoints. Each engine runs the same tests
/// (<see cref="LuceneContractTests"/>, <see cref="ElasticsearchContractTests"/>).
/// </summary>
public abstract class SearchIndexContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Now);

    /// <summary>An empty, opened index of its own for <paramref name="name"/> (skips the test where the engine is not at hand).</summary>
    protected abstract Task<ISearchIndex> Open(string name);

    /// <summary>The same storage opened again, as a restarted process would; the old instance is done with.</summary>
    protected abstract Task<ISearchIndex> Reopen(ISearchIndex index, string name);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    private static SearchDocument Event(
        string id, string name, DateTimeOffset startsAt, string[]? performers = null, string city = "Vienna", string category = "concert",
        string venue = "Lyric Hall", string venueId = "ven_lyric", long version = 1) =>
        new(id, version, name, "An evening out.", category, startsAt, performers ?? ["Aurora Vale"], venueId, venue, city, 30m, "EUR",
            Availability.Available, [.. (performers ?? ["Aurora Vale"]).Select(p => "perf_" + p.Split(' ')[0].ToLowerInvariant())]);

    private async Task<ISearchIndex> With(string name, params SearchDocument[] documents)
    {
        var index = await Open(name);
        Assert.Equal(documents.Length, await index.ApplyAsync(documents));
        return index;
    }

    private static async Task<List<string>> Ids(ISearchIndex index, SearchQuery query) =>
        [.. (await index.SearchAsync(query with { PageSize = 100 })).Items.Select(d => d.EventId)];

    [SkippableFact]
    public async Task A_newer_version_wins_and_an_older_or_equal_one_changes_nothing()
    {
        var index = await With("versions", Event("e1", "Second Name", Now.AddDays(5), version: 2));

        Assert.Equal(0, await index.ApplyAsync([Event("e1", "First Name", Now.AddDays(5), version: 1)]));
        Assert.Equal(0, await index.ApplyAsync([Event("e1", "Same Version Other Name", Now.AddDays(5), version: 2)]));
        Assert.Equal(1, await index.ApplyAsync([Event("e1", "Third Name", Now.AddDays(6), version: 3)]));

        var found = Assert.Single((await index.SearchAsync(new SearchQuery())).Items);
        Assert.Equal(("Third Name", 3L), (found.Name, found.Version));
        Assert.Empty(await Ids(index, new SearchQuery { Text = "second" }));
    }

    [SkippableFact]
    public async Task Typos_unfinished_words_and_accents_still_find_the_event()
    {
        var index = await With("text",
            Event("taylor", "The Eras Tour", Now.AddDays(3), ["Taylor Swift"]),
            Event("metallica", "M72 World Tour", Now.AddDays(4), ["Metallica"]),
            Event("beyonce", "Renaissance", Now.AddDays(5), ["Beyoncé"]),
            Event("quiet", "Quiet Evening", Now.AddDays(6), ["Aurora Vale"]));

        Assert.Equal(["taylor"], await Ids(index, new SearchQuery { Text = "tayl swft" }));
        Assert.Equal(["metallica"], await Ids(index, new SearchQuery { Text = "metalica" }));
        Assert.Equal(["beyonce"], await Ids(index, new SearchQuery { Text = "beyonce" }));
        Assert.Equal(["beyonce"], await Ids(index, new SearchQuery { Text = "BEYONCÉ" }));
        Assert.Empty(await Ids(index, new SearchQuery { Text = "xqzvwkj" }));
    }

    [SkippableFact]
    public async Task Every_typed_word_must_match_and_the_venue_and_city_are_searchable_text()
    {
        var index = await With("words",
            Event("vienna", "M72 World Tour", Now.AddDays(4), ["Metallica"], city: "Vienna"),
            Event("berlin", "M72 World Tour", Now.AddDays(5), ["Metallica"], city: "Berlin", venue: "Olympiastadion", venueId: "ven_olympia"));

        Assert.Equal(["berlin"], await Ids(index, new SearchQuery { Text = "metallica berlin" }));
        Assert.Equal(["berlin"], await Ids(index, new SearchQuery { Text = "olympiastad" }));
    }

    [SkippableFact]
    public async Task Keyword_filters_match_whole_values_ignoring_case()
    {
        var index = await With("filters",
            Event("a", "Alpha", Now.AddDays(1), ["Aurora Vale"], city: "Vienna", category: "concert"),
            Event("b", "Beta", Now.AddDays(2), ["Bram Stone"], city: "Graz", category: "comedy", venue: "Cellar", venueId: "ven_cellar"),
            Event("c", "Gamma", Now.AddDays(3), ["Aurora Vale", "Bram Stone"], city: "Vienna", category: "comedy"));

        Assert.Equal(["a", "c"], await Ids(index, new SearchQuery { City = "VIENNA" }));
        Assert.Empty(await Ids(index, new SearchQuery { City = "Vien" }));
        Assert.Equal(["b", "c"], await Ids(index, new SearchQuery { Category = "Comedy" }));
        Assert.Equal(["b", "c"], await Ids(index, new SearchQuery { Performer = "bram stone" }));
        Assert.Equal(["b", "c"], await Ids(index, new SearchQuery { Performer = "PERF_BRAM" }));
        Assert.Equal(["b"], await Ids(index, new SearchQuery { Venue = "cellar" }));
        Assert.Equal(["a", "c"], await Ids(index, new SearchQuery { Venue = "ven_lyric" }));
        Assert.Equal(["c"], await Ids(index, new SearchQuery { City = "vienna", Category = "comedy", Performer = "aurora vale", Venue = "Lyric Hall" }));
    }

    [SkippableFact]
    public async Task Past_events_are_hidden_unless_a_start_date_is_asked_and_the_last_day_is_included()
    {
        var lastDay = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var index = await With("dates",
            Event("past", "Yesterday Show", Now.AddDays(-1)),
            Event("soon", "Tomorrow Show", Now.AddDays(1)),
            Event("late", "Late Show", lastDay.AddHours(23).AddMinutes(59)),
            Event("after", "After Show", lastDay.AddDays(1)));

        Assert.Equal(["soon", "late", "after"], await Ids(index, new SearchQuery { Text = "show", Sort = SearchSort.Date }));
        Assert.Equal(["past", "soon", "late", "after"], await Ids(index, new SearchQuery { From = Now.AddDays(-2) }));
        Assert.Equal(["soon", "late"], await Ids(index, new SearchQuery { To = lastDay.AddDays(1).AddTicks(-1) }));
        Assert.Equal(["late"], await Ids(index, new SearchQuery { From = lastDay, To = lastDay.AddDays(1).AddTicks(-1) }));
    }

    [SkippableFact]
    public async Task Facets_count_every_match_not_only_the_page_most_frequent_first()
    {
        var index = await With("facets",
            Event("v1", "One", Now.AddDays(1), city: "Vienna"),
            Event("v2", "Two", Now.AddDays(2), city: "Vienna"),
            Event("v3", "Three", Now.AddDays(3), city: "Vienna", category: "theatre"),
            Event("g1", "Four", Now.AddDays(4), city: "Graz", category: "comedy"),
            Event("g2", "Five", Now.AddDays(5), city: "Graz", category: "comedy"),
            Event("old", "Old", Now.AddDays(-5), city: "Linz", category: "opera"));

        var results = await index.SearchAsync(new SearchQuery { PageSize = 1 });

        Assert.Equal(5, results.Total);
        Assert.Equal(["v1"], results.Items.Select(d => d.EventId));
        Assert.Equal([("comedy", 2), ("concert", 2), ("theatre", 1)], results.Facets.Category.Select(kv => (kv.Key, kv.Value)));
        Assert.Equal([("Vienna", 3), ("Graz", 2)], results.Facets.City.Select(kv => (kv.Key, kv.Value)));
    }

    [SkippableFact]
    public async Task Date_ordered_pages_never_overlap_and_the_total_counts_every_match()
    {
        var documents = Enumerable.Range(0, 23)
            .Select(i => Event($"e{i:00}", $"Show {i}", Now.AddHours(1 + (i % 20))))
            .ToArray();
        var index = await With("paging", documents);
        var expected = documents.OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal).Select(d => d.EventId).ToList();

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var results = await index.SearchAsync(new SearchQuery { Page = page, PageSize = 10 });
            Assert.Equal(23, results.Total);
            Assert.Equal((page, 10), (results.Page, results.PageSize));
            pages.AddRange(results.Items.Select(d => d.EventId));
        }
        var beyond = await index.SearchAsync(new SearchQuery { Page = 4, PageSize = 10 });

        Assert.Equal(expected, pages);
        Assert.Empty(beyond.Items);
        Assert.Equal(23, beyond.Total);
        Assert.Equal(expected, (await index.SearchAsync(new SearchQuery { Text = "show", Sort = SearchSort.Date, PageSize = 100 })).Items.Select(d => d.EventId));
    }

    [SkippableFact]
    public async Task Exact_words_rank_above_typos()
    {
        var index = await With("ranking",
            Event("typo", "Metallics Tribute Night", Now.AddDays(1), ["The Metallics"]),
            Event("exact", "M72 World Tour", Now.AddDays(9), ["Metallica"]));

        Assert.Equal(["exact", "typo"], await Ids(index, new SearchQuery { Text = "metallica" }));
        Assert.Equal(["typo", "exact"], await Ids(index, new SearchQuery { Text = "metallica", Sort = SearchSort.Date }));
    }

    [SkippableFact]
    public async Task Checkpoints_move_forward_only_and_a_reopened_index_resumes_from_them()
    {
        var index = await With("restart", Event("kept", "Kept Show", Now.AddDays(3)));
        index.AdvanceCheckpoint(5, 17);
        index.AdvanceCheckpoint(5, 4);
        index.AdvanceCheckpoint(2, 3);
        Assert.Equal(17, index.GetCheckpoint(5));
        await index.CommitAsync();

        var reopened = await Reopen(index, "restart");

        Assert.Equal(17, reopened.GetCheckpoint(5));
        Assert.Equal(3, reopened.GetCheckpoint(2));
        Assert.Equal(0, reopened.GetCheckpoint(0));
        Assert.Equal(1, await reopened.CountAsync());
        Assert.Equal(0, await reopened.ApplyAsync([Event("kept", "Stale Show", Now.AddDays(3))]));
        Assert.Equal("Kept Show", Assert.Single((await reopened.SearchAsync(new SearchQuery())).Items).Name);
    }

    [SkippableFact]
    public async Task The_count_holds_past_events_too()
    {
        var index = await With("count", Event("past", "Old", Now.AddDays(-3)), Event("next", "New", Now.AddDays(3)));

        Assert.Equal(2, await index.CountAsync());
        Assert.Equal(1, (await index.SearchAsync(new SearchQuery())).Total);
    }
}
