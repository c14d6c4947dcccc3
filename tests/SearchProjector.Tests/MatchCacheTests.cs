using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

public sealed class MatchCacheTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>
{
    private static readonly object Segment = new();

    [Fact]
    public void A_full_match_cache_drops_the_least_recently_used_entry_first()
    {
        var cache = new MatchCache(maxBytes: 3 * Size);
        var builds = 0;
        string Build(string key) => cache.GetOrAdd(Segment, key, () => { builds++; return key; }, _ => Size - Overhead(key));

        Build("a");
        Build("b");
        Build("c");
        Build("a");
        Build("d");

        Assert.Equal(4, builds);
        Assert.Equal(3, cache.Count);
        Build("a");
        Build("c");
        Build("d");
        Assert.Equal(4, builds);
        Build("b");
        Assert.Equal(5, builds);
        Assert.True(cache.Bytes <= 3 * Size);
    }

    [Fact]
    public void A_noted_key_keeps_no_value_says_it_was_asked_for_and_gives_way_to_a_value()
    {
        var cache = new MatchCache(maxBytes: 1 << 20);
        Assert.Null(cache.Get(Segment, "w", out var noted));
        Assert.False(noted);

        cache.Note(Segment, "w");
        Assert.Null(cache.Get(Segment, "w", out noted));
        Assert.True(noted);
        Assert.Equal("built", cache.GetOrAdd(Segment, "w", () => "built", _ => 10));
        Assert.Equal("built", cache.Get(Segment, "w"));
    }

    [Fact]
    public void Entries_of_one_segment_are_not_answers_for_another()
    {
        var cache = new MatchCache(maxBytes: 1 << 20);

        var first = cache.GetOrAdd(new object(), "w\0band", () => "first", _ => 10);
        var second = cache.GetOrAdd(new object(), "w\0band", () => "second", _ => 10);

        Assert.Equal("first", first);
        Assert.Equal("second", second);
    }

    [Fact]
    public async Task Searches_answer_the_same_whether_their_matches_are_cached_or_not()
    {
        using var uncached = new LuceneSearchIndex(data.Time, matchCacheBytes: 0);
        foreach (var document in data.Documents) uncached.Apply(document);
        var random = new Random(3);
        var queries = new List<SearchQuery>();
        for (var i = 0; i < 120; i++)
        {
            var document = data.Documents[random.Next(data.Documents.Count)];
            var words = document.Performers[0].Split(' ');
            queries.Add((i % 6) switch
            {
                0 => new SearchQuery { Text = document.Performers[0] },
                1 => new SearchQuery { Text = string.Join(' ', words.Select(w => w.Length > 4 ? w[..4] : w)), Page = 2, PageSize = 7 },
                2 => new SearchQuery { Text = words[0].Length > 5 ? words[0].Remove(2, 1) : words[0], City = document.City, Sort = SearchSort.Date },
                3 => new SearchQuery { City = document.City, Category = document.Category },
                4 => new SearchQuery { Performer = document.Performers[0], PageSize = 5 },
                _ => new SearchQuery { From = GeneratedDocuments.Now.AddDays(random.Next(300)), To = GeneratedDocuments.Now.AddDays(300 + random.Next(300)), Page = 3 },
            });
        }

        foreach (var query in queries.Concat(queries))
        {
            var expected = await uncached.SearchAsync(query);
            var actual = await data.Index.SearchAsync(query);

            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(d => d.EventId), actual.Items.Select(d => d.EventId));
            Assert.Equal(expected.Facets, actual.Facets, FacetsComparer.Instance);
        }
        Assert.True(data.Index.MatchCacheBytes > 0);
        Assert.Equal(0, uncached.MatchCacheBytes);
    }

    [Theory]
    [InlineData("MatchCacheBytes", "-1")]
    [InlineData("MatchCacheBytes", "lots")]
    [InlineData("DocumentCacheBytes", "-1")]
    [InlineData("DocumentCacheBytes", "lots")]
    public void An_invalid_cache_size_stops_the_start_naming_the_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:" + key] = value }).Build();
        using var services = new ServiceCollection().AddSearchProjector(configuration).BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<SearchOptions>>().Value);

        Assert.Contains(key, error.ToString());
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData(null, null)]
    public void The_configured_cache_sizes_reach_the_index(string? matchCacheBytes, string? documentCacheBytes)
    {
        var settings = new Dictionary<string, string?>();
        if (matchCacheBytes is not null) settings["Search:MatchCacheBytes"] = matchCacheBytes;
        if (documentCacheBytes is not null) settings["Search:DocumentCacheBytes"] = documentCacheBytes;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSearchProjector(configuration).BuildServiceProvider();
        var index = services.GetRequiredService<LuceneSearchIndex>();
        foreach (var document in data.Documents.Take(200)) index.Apply(document);
        index.Refresh();

        var found = index.Search(new SearchQuery { Text = data.Documents[0].Performers[0] });

        Assert.NotEmpty(found.Items);
        // Unset, both keep what the search used; set to 0, neither keeps anything.
        Assert.Equal(matchCacheBytes is null, index.MatchCacheBytes > 0);
        Assert.Equal(documentCacheBytes is null, index.DocumentCacheBytes > 0);
    }

    private const int Size = 1000;

    /// <summary>What the cache adds to an entry's own bytes for its key and bookkeeping.</summary>
    private static int Overhead(string key) => key.Length * 2 + 96;
}
