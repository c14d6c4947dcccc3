using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using TicketMaster.Search;
using TicketMaster.SearchProjector.Http;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>The request cache in front of the index: answers kept, reused, evicted and kept true through changes.</summary>
public sealed partial class SearchRequestCacheTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>, IDisposable
{
    private static readonly DateTimeOffset Now = GeneratedDocuments.Now;

    private readonly Meter _meter = new("test." + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
        _meter.Dispose();
    }

    private (SearchRequestCache Cache, CacheCounters Counters) CacheOver(LuceneSearchIndex index, TimeProvider time, long maxBytes = 1 << 24)
    {
        var counters = new CacheCounters(_meter);
        _owned.Add(counters);
        var cache = new SearchRequestCache(index, index, new RequestCacheOptions { MaxBytes = maxBytes }, time, _meter, Answer);
        return (cache, counters);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>An answer rendered now by the serializer: what a cached one must equal.</summary>
    private static byte[] Render(SearchResults results) => SearchApi.Json(results, JsonOptions);

    private static SearchAnswer Answer(SearchResults results) => SearchApi.Answer(results, JsonOptions);

    /// <summary>The answer as a client reads it.</summary>
    private static async Task<SearchResponse> Search(SearchRequestCache cache, SearchQuery query) =>
        JsonSerializer.Deserialize<SearchResponse>(await cache.AnswerAsync(query), JsonOptions)!;

    private LuceneSearchIndex NewIndex(TimeProvider time, TimeSpan refreshInterval = default)
    {
        var index = new LuceneSearchIndex(time, refreshInterval: refreshInterval);
        _owned.Add(index);
        return index;
    }

    private static SearchDocument Document(string id, long version, string name, DateTimeOffset startsAt) =>
        new(id, version, name, "An evening of songs.", "concert", startsAt, ["Aurora Vale"], "v1", "Lyric Hall", "Vienna",
            42.5m, "EUR", Availability.Available, ["p1"]);

    [Fact]
    public async Task A_full_cache_evicts_the_least_recently_used_answer()
    {
        var time = new FakeTimeProvider(Now);
        SearchQuery[] queries = [new() { City = "Vienna" }, new() { Text = "gala" }, new() { Text = "songs" }];
        var index = NewIndex(time);
        for (var i = 0; i < 30; i++) index.Apply(Document("e" + i, 1, "Gala " + i, Now.AddDays(1 + i)));
        index.Refresh();
        // The size of each answer, as the cache estimates it: room for all three but one byte.
        var (sizing, _) = CacheOver(index, time);
        var sizes = new List<long>();
        foreach (var query in queries)
        {
            var before = sizing.Bytes;
            await sizing.AnswerAsync(query);
            sizes.Add(sizing.Bytes - before);
        }
        var (cache, counters) = CacheOver(index, time, maxBytes: sizes.Sum() - 1);

        await cache.AnswerAsync(queries[0]);
        await cache.AnswerAsync(queries[1]);
        await cache.AnswerAsync(queries[0]);
        await cache.AnswerAsync(queries[2]);

        Assert.Equal(1, counters.Evictions);
        Assert.Equal(2, cache.Answers);
        Assert.True(cache.Bytes <= sizes.Sum() - 1);
        var hitsBefore = counters.Hits;
        await cache.AnswerAsync(queries[0]);
        await cache.AnswerAsync(queries[2]);
        Assert.Equal(hitsBefore + 2, counters.Hits);
        var missesBefore = counters.Misses;
        await cache.AnswerAsync(queries[1]);
        Assert.Equal(missesBefore + 1, counters.Misses);
    }

    [Fact]
    public async Task Cached_answers_equal_uncached_ones_in_totals_facets_and_pages_over_the_whole_mix()
    {
        var (cache, counters) = CacheOver(data.Index, data.Time);
        var mix = Mix(data.Documents, Now);

        foreach (var round in new[] { "first", "second" })
        {
            foreach (var query in mix)
            {
                // The same bytes as the engine's answer rendered now: totals, facets, page and every field shown.
                Assert.Equal(Render(data.Index.Search(query)), await cache.AnswerAsync(query));
            }
        }
        // The second round came from the cache, or the comparison proved nothing.
        Assert.True(counters.Hits >= mix.Count, $"{counters.Hits} hits over {mix.Count} repeated queries");
    }

    [Fact]
    public async Task A_cached_search_shows_availability_changed_after_it_was_cached()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time);
        var (cache, counters) = CacheOver(index, time);
        var premiere = Document("e1", 1, "Premiere Gala", Now.AddDays(5));
        index.Apply(premiere);
        index.Apply(Document("e2", 1, "Closing Gala", Now.AddDays(6)));
        var query = new SearchQuery { Text = "gala", From = Now };
        Assert.Equal([Availability.Available, Availability.Available], (await Search(cache, query)).Items.Select(i => i.Availability));

        index.Apply(premiere with { Version = 2, Availability = Availability.Few });
        Assert.Equal([Availability.Few, Availability.Available], (await Search(cache, query)).Items.Select(i => i.Availability));
        index.Apply(premiere with { Version = 3, Availability = Availability.SoldOut });
        var cached = await cache.AnswerAsync(query);

        Assert.Equal(2, counters.Hits);
        Assert.Equal(1, counters.Misses);
        // A fresh search shows the same, and so does its rendering, byte for byte.
        Assert.Equal((Availability.SoldOut, 3L), index.Search(query).Items.Select(d => (d.Availability, d.Version)).First());
        Assert.Equal(Render(index.Search(query)), cached);
        // A replayed older version changes nothing.
        Assert.False(index.Apply(premiere with { Version = 2, Availability = Availability.Few }));
        Assert.Equal(cached, await cache.AnswerAsync(query));
    }

    public static TheoryData<string> OtherChanges => ["name", "date", "city", "price", "description"];

    [Theory]
    [MemberData(nameof(OtherChanges))]
    public async Task An_availability_change_keeps_the_cached_answer_and_any_other_change_drops_it(string change)
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time);
        var (cache, counters) = CacheOver(index, time);
        var gala = Document("e1", 1, "Premiere Gala", Now.AddDays(5));
        index.Apply(gala);
        var query = new SearchQuery { Performer = "Aurora Vale" };
        await cache.AnswerAsync(query);
        var generation = index.RefreshIfDue();

        index.Apply(gala with { Version = 2, Availability = Availability.Few });
        await cache.AnswerAsync(query);
        Assert.Equal((1, 1), (counters.Hits, counters.Misses));
        Assert.Equal(generation, index.RefreshIfDue());

        var changed = change switch
        {
            "name" => gala with { Name = "Farewell Gala" },
            "date" => gala with { StartsAt = gala.StartsAt.AddHours(1) },
            "city" => gala with { City = "Graz" },
            "price" => gala with { MinPrice = 40m },
            _ => gala with { Description = "An evening of dances." },
        };
        index.Apply(changed with { Version = 3, Availability = Availability.Few });
        var answer = await cache.AnswerAsync(query);

        Assert.Equal((1, 2), (counters.Hits, counters.Misses));
        Assert.True(index.Generation > generation);
        Assert.Equal(Render(index.Search(query)), answer);
    }

    [Fact]
    public async Task Cached_answers_equal_freshly_rendered_ones_after_random_availability_changes_over_the_whole_mix()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time);
        foreach (var document in data.Documents) index.Apply(document);
        var (cache, counters) = CacheOver(index, time, maxBytes: 1L << 26);
        var mix = Mix(data.Documents, Now);
        var generation = index.RefreshIfDue();
        var last = new List<byte[]>();
        foreach (var query in mix) last.Add(await cache.AnswerAsync(query));
        // The events the cached answers show, among them those the changes pick most often, as an on-sale's hot events.
        var shown = mix.SelectMany(q => index.Search(q).Items).Select(d => d.EventId).Distinct().ToList();
        var (hits, misses) = (counters.Hits, counters.Misses);
        var documents = data.Documents.ToDictionary(d => d.EventId);
        var versions = data.Documents.ToDictionary(d => d.EventId, d => d.Version);
        string[] badges = [Availability.Available, Availability.Few, Availability.SoldOut, Availability.Cancelled];
        var random = new Random(17);
        var changedAnswers = 0;

        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 400; i++)
            {
                var id = i % 2 == 0 ? shown[random.Next(shown.Count)] : data.Documents[random.Next(data.Documents.Count)].EventId;
                var version = versions[id] += 1 + random.Next(3);
                Assert.True(index.Apply(documents[id] with { Version = version, Availability = badges[random.Next(badges.Length)] }));
            }
            for (var q = 0; q < mix.Count; q++)
            {
                var cached = await cache.AnswerAsync(mix[q]);
                Assert.Equal(Render(index.Search(mix[q])), cached);
                if (!cached.AsSpan().SequenceEqual(last[q])) changedAnswers++;
                last[q] = cached;
            }
        }

        Assert.Equal(generation, index.RefreshIfDue());
        Assert.Equal(0, counters.Evictions);
        Assert.Equal((hits + 5 * mix.Count, misses), (counters.Hits, counters.Misses));
        // The changes reached the answers, or the comparison proved nothing.
        Assert.True(changedAnswers > mix.Count, $"{changedAnswers} answers changed over 5 rounds of {mix.Count}");
    }

    [Fact]
    public async Task Searches_differing_only_in_case_and_spaces_share_one_answer()
    {
        var (cache, counters) = CacheOver(data.Index, data.Time);

        var first = await cache.AnswerAsync(new SearchQuery { Text = "Tayl  Swft", City = " berlin" });
        var second = await cache.AnswerAsync(new SearchQuery { Text = "tayl swft ", City = "Berlin" });

        Assert.Same(first, second);
        Assert.Equal(1, counters.Hits);
    }

    [Fact]
    public async Task An_upcoming_search_is_reused_until_its_first_match_starts_then_asked_again()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time);
        var (cache, counters) = CacheOver(index, time);
        index.Apply(Document("e1", 1, "Soon Gala", Now.AddMinutes(30)));
        index.Apply(Document("e2", 1, "Later Gala", Now.AddDays(2)));
        index.Refresh();

        Assert.Equal(2, (await Search(cache, new SearchQuery())).Total);
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(2, (await Search(cache, new SearchQuery())).Total);
        Assert.Equal(1, counters.Hits);

        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(["e2"], (await Search(cache, new SearchQuery())).Items.Select(d => d.EventId));
        Assert.Equal(1, counters.Hits);
    }

    [Fact]
    public async Task An_upcoming_answer_from_an_engine_that_does_not_say_when_it_changes_lasts_the_configured_age()
    {
        var time = new FakeTimeProvider(Now);
        var index = NewIndex(time);
        var engine = new SilentEngine(index);
        var counters = new CacheCounters(_meter);
        _owned.Add(counters);
        var cache = new SearchRequestCache(engine, index, new RequestCacheOptions { UpcomingMaxAge = TimeSpan.FromSeconds(1) }, time, _meter, Answer);
        index.Apply(Document("e1", 1, "Soon Gala", Now.AddDays(1)));
        index.Refresh();

        await cache.AnswerAsync(new SearchQuery());
        time.Advance(TimeSpan.FromMilliseconds(500));
        await cache.AnswerAsync(new SearchQuery());
        time.Advance(TimeSpan.FromMilliseconds(600));
        await cache.AnswerAsync(new SearchQuery());

        Assert.Equal(1, counters.Hits);
        Assert.Equal(2, counters.Misses);
    }

    [Fact]
    public async Task An_engine_without_a_generation_or_a_cache_of_no_bytes_is_asked_every_time()
    {
        var counters = new CacheCounters(_meter);
        _owned.Add(counters);
        var query = new SearchQuery { Text = "tayl swft" };
        var uncached = new[]
        {
            new SearchRequestCache(new NoGenerationIndex(data.Index), null, new RequestCacheOptions(), data.Time, _meter, Answer),
            new SearchRequestCache(data.Index, data.Index, new RequestCacheOptions { MaxBytes = 0 }, data.Time, _meter, Answer),
        };

        foreach (var cache in uncached)
        {
            Assert.False(cache.Enabled);
            var first = await cache.AnswerAsync(query);
            var second = await cache.AnswerAsync(query);
            Assert.NotSame(first, second);
            Assert.Equal(Render(data.Index.Search(query)), second);
            Assert.Equal(0, cache.Answers);
        }
        Assert.Equal(0, counters.Hits + counters.Misses);
        Assert.True(new SearchRequestCache(data.Index, data.Index, new RequestCacheOptions(), data.Time, _meter, Answer).Enabled);
    }

    [Fact]
    public void A_negative_cache_size_stops_the_start_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:RequestCache:MaxBytes"] = "-1" }).Build();
        using var services = new ServiceCollection().AddSearchProjector(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RequestCacheOptions>>().Value);

        Assert.Contains("Search:RequestCache:MaxBytes", error.Message);
    }

    /// <summary>A search mix like bench/SearchBench's: typos, prefixes, text with a city, filters, date windows and deeper pages.</summary>
    private static List<SearchQuery> Mix(IReadOnlyList<SearchDocument> documents, DateTimeOffset now)
    {
        var random = new Random(5);
        var queries = new List<SearchQuery>();
        for (var i = 0; i < 160; i++)
        {
            var d = documents[random.Next(documents.Count)];
            var performer = d.Performers[0];
            queries.Add((i % 8) switch
            {
                0 => new SearchQuery { Text = "tayl swft" },
                1 => new SearchQuery { Text = performer.Length > 5 ? performer.Remove(3, 1) : performer },
                2 => new SearchQuery { Text = string.Join(' ', performer.Split(' ').Select(w => w.Length > 4 ? w[..4] : w)) },
                3 => new SearchQuery { Text = performer, City = d.City, Sort = SearchSort.Date },
                4 => new SearchQuery { Text = d.Category, City = d.City, Page = 2, PageSize = 7 },
                5 => new SearchQuery { City = d.City, Category = random.Next(2) == 0 ? d.Category : null },
                6 => new SearchQuery { Performer = performer },
                _ => new SearchQuery { From = now.AddDays(random.Next(0, 300)), To = now.AddDays(random.Next(300, 700)), Page = random.Next(1, 5) },
            });
        }
        return queries;
    }

    /// <summary>An engine that answers without <see cref="SearchResults.StableUntil"/>.</summary>
    private sealed class SilentEngine(LuceneSearchIndex inner) : PassThrough(inner)
    {
        public override ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
            new(inner.Search(query) with { StableUntil = null });
    }

    private sealed class NoGenerationIndex(ISearchIndex inner) : PassThrough(inner);

    private abstract class PassThrough(ISearchIndex inner) : ISearchIndex
    {
        public ValueTask OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

        public ValueTask<int> ApplyAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default) => inner.ApplyAsync(documents, cancellationToken);

        public virtual ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(query, cancellationToken);

        public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

        public long GetCheckpoint(int shard) => inner.GetCheckpoint(shard);

        public void AdvanceCheckpoint(int shard, long sequence) => inner.AdvanceCheckpoint(shard, sequence);

        public ValueTask CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

        public ValueTask<SearchIndexHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);
    }
}
