using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>The cache over a reader that refreshes at most every <c>Search:RefreshInterval</c>: a change shows at the first search after it, never an older reader's answer.</summary>
public sealed partial class SearchRequestCacheTests
{
    [Fact]
    public async Task An_update_is_answered_right_after_a_refresh_never_from_the_older_reader()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time);
        var (cache, counters) = CacheOver(index, time);
        index.Apply(Document("e1", 1, "Premiere Gala", Now.AddDays(5)));
        index.Refresh();
        var query = new SearchQuery { Text = "gala", From = Now };

        Assert.Equal("Premiere Gala", Assert.Single((await Search(cache, query)).Items).Name);
        Assert.Equal("Premiere Gala", Assert.Single((await Search(cache, query)).Items).Name);
        Assert.Equal(1, counters.Hits);

        index.Apply(Document("e1", 2, "Farewell Gala", Now.AddDays(5)));
        index.Refresh();
        Assert.Equal("Farewell Gala", Assert.Single((await Search(cache, query)).Items).Name);

        // Without an explicit refresh too: the index refreshes lazily at the next search, and the cache asks it first.
        index.Apply(Document("e2", 1, "Closing Gala", Now.AddDays(6)));
        Assert.Equal(2, (await Search(cache, query)).Total);
        Assert.Equal(1, counters.Hits);
        Assert.Equal(3, counters.Misses);
    }

    [Fact]
    public async Task Writes_within_the_refresh_interval_share_one_reader_so_cached_answers_keep_coming()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time, TimeSpan.FromSeconds(1));
        var (cache, counters) = CacheOver(index, time);
        index.Apply(Document("e1", 1, "Premiere Gala", Now.AddDays(5)));
        index.Refresh();
        var query = new SearchQuery { Text = "gala", From = Now };
        var generation = index.RefreshIfDue();
        Assert.Equal(1, (await Search(cache, query)).Total);

        for (var i = 2; i <= 6; i++)
        {
            index.Apply(Document("e" + i, 1, "Gala " + i, Now.AddDays(5 + i)));
            time.Advance(TimeSpan.FromMilliseconds(100));
            Assert.Equal(1, (await Search(cache, query)).Total);
        }

        Assert.Equal(generation, index.RefreshIfDue());
        Assert.Equal(5, counters.Hits);
        Assert.Equal(1, counters.Misses);
    }

    [Fact]
    public async Task A_change_shows_at_the_first_search_after_the_refresh_interval()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time, TimeSpan.FromSeconds(1));
        var (cache, _) = CacheOver(index, time);
        index.Apply(Document("e1", 1, "Premiere Gala", Now.AddDays(5)));
        index.Refresh();
        var query = new SearchQuery { Text = "gala", From = Now };
        Assert.Equal("Premiere Gala", Assert.Single((await Search(cache, query)).Items).Name);

        index.Apply(Document("e1", 2, "Farewell Gala", Now.AddDays(5)));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal("Premiere Gala", Assert.Single((await Search(cache, query)).Items).Name);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("Farewell Gala", Assert.Single((await Search(cache, query)).Items).Name);
        Assert.Equal("Farewell Gala", Assert.Single(index.Search(query).Items).Name);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:11:00")]
    [InlineData("soon")]
    public void An_invalid_refresh_interval_stops_the_start_naming_the_key(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:RefreshInterval"] = value }).Build();
        using var services = new ServiceCollection().AddSearchProjector(configuration).BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<SearchOptions>>().Value);
        Assert.Contains("RefreshInterval", error.ToString());
    }
}
