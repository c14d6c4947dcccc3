using TicketMaster.Events;
using TicketMaster.Search;
using TicketMaster.Hosting.Seeding;

namespace TicketMaster.SearchProjector.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ProjectionTests(ClusterFixture fixture)
{
    /// <summary>Long enough that nothing but the stream can deliver a change within a test.</summary>
    private static readonly TimeSpan NoPull = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Created_renamed_and_sold_out_event_shows_in_search_within_seconds_by_the_stream()
    {
        var events = new TestEvents(fixture.Grains);
        await events.Prepare("Quokka Ensemble");
        await using var replica = await Replica.Start(fixture.SiloClient, useStream: true, NoPull);

        var eventId = await events.Create("Quokka Ensemble: First Light");
        var created = await replica.SearchUntil(new SearchQuery { Text = "quoka ensemble" }, r => r.Items.Any(d => d.EventId == eventId));
        Assert.Contains(created.Items, d => d.EventId == eventId);

        var renamed = await fixture.Grains.GetGrain<IEventGrain>(eventId).Update(events.Definition("Quokka Ensemble: Last Light"));
        Assert.Equal(EventCommandStatus.Ok, renamed.Status);
        var afterRename = await replica.SearchUntil(events.Query, r => r.Items.SingleOrDefault()?.Name == "Quokka Ensemble: Last Light");
        Assert.Equal("Quokka Ensemble: Last Light", Assert.Single(afterRename.Items).Name);

        var hold = await fixture.Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.BestAvailable("u_" + Guid.NewGuid().ToString("N"), "GA", 10));
        Assert.Equal(ReserveStatus.Held, hold.Status);
        var soldOut = await replica.SearchUntil(events.Query, r => r.Items.SingleOrDefault()?.Availability == Availability.SoldOut);
        Assert.Equal(Availability.SoldOut, Assert.Single(soldOut.Items).Availability);
    }

    [Fact]
    public async Task With_stream_delivery_off_the_pull_alone_brings_the_index_to_the_same_state()
    {
        var events = new TestEvents(fixture.Grains);
        await events.Prepare("Pangolin Choir");
        await using var streamed = await Replica.Start(fixture.SiloClient, useStream: true, TimeSpan.FromMilliseconds(200));
        await using var pulled = await Replica.Start(fixture.SiloClient, useStream: false, TimeSpan.FromMilliseconds(200));

        var ids = new List<string>();
        for (var i = 0; i < 12; i++) ids.Add(await events.Create($"Pangolin Choir Night {i}"));
        await fixture.Grains.GetGrain<IEventGrain>(ids[0]).Update(events.Definition("Pangolin Choir Night Renamed"));
        await fixture.Grains.GetGrain<IEventGrain>(ids[1]).Reserve(ReserveRequest.BestAvailable("u_" + Guid.NewGuid().ToString("N"), "GA", 10));

        static bool Complete(SearchResults r) =>
            r.Total == 12 && r.Items.Any(d => d.Name == "Pangolin Choir Night Renamed") && r.Items.Any(d => d.Availability == Availability.SoldOut);
        var fromPull = await pulled.SearchUntil(events.Query, Complete);
        var fromStream = await streamed.SearchUntil(events.Query, Complete);

        Assert.True(Complete(fromPull), "the pull-only replica never converged");
        Assert.Equal(fromStream.Items.Select(Describe), fromPull.Items.Select(Describe));
    }

    [Fact]
    public async Task A_fresh_replica_started_late_reaches_the_same_results()
    {
        var events = new TestEvents(fixture.Grains);
        await events.Prepare("Axolotl Brass Band");
        await using var early = await Replica.Start(fixture.SiloClient, useStream: true, TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 8; i++) await events.Create($"Axolotl Brass Band Tour {i}");
        await early.SearchUntil(events.Query, r => r.Total == 8);

        await using var late = await Replica.Start(fixture.SiloClient, useStream: true, TimeSpan.FromMilliseconds(200));

        // Caught up at start means every change logged before it started is in: no waiting needed.
        Assert.True(late.Readiness.IsCaughtUp);
        Assert.Equal((await early.Index.SearchAsync(events.Query)).Items.Select(Describe), (await late.Index.SearchAsync(events.Query)).Items.Select(Describe));
        var everything = new SearchQuery { From = DateTimeOffset.MinValue, PageSize = 100 };
        var earlyTotal = (await early.Index.SearchAsync(everything)).Total;
        var converged = await late.SearchUntil(everything, r => r.Total == earlyTotal);
        Assert.Equal(earlyTotal, converged.Total);
        Assert.Equal((await early.Index.SearchAsync(everything)).Facets, converged.Facets, FacetsComparer.Instance);
    }

    [Fact]
    public async Task A_generated_catalog_seeded_through_the_grains_is_searchable()
    {
        var catalog = CatalogGenerator.Generate(40, seed: 4711, DateTimeOffset.UtcNow);
        await catalog.SeedAsync(fixture.Grains, CancellationToken.None);
        await using var replica = await Replica.Start(fixture.SiloClient, useStream: true, TimeSpan.FromMilliseconds(200));

        var expected = catalog.ToSearchDocuments().Where(d => d.Performers.Contains("Taylor Swift")).Select(d => d.EventId).ToHashSet();
        var found = (await replica.Index.SearchAsync(new SearchQuery { Text = "tayl swft", PageSize = 100 })).Items.Select(d => d.EventId).ToHashSet();

        Assert.NotEmpty(expected);
        Assert.Subset(found, expected);
        foreach (var generated in catalog.Events.Take(5))
        {
            var venue = catalog.Venues.Single(v => v.VenueId == generated.Definition.VenueId);
            var results = await replica.Index.SearchAsync(new SearchQuery { Venue = venue.VenueId, PageSize = 100 });
            Assert.Contains(results.Items, d => d.EventId == generated.EventId && d.Name == generated.Definition.Name && d.City == venue.City);
        }
    }

    [Fact]
    public async Task The_shard_log_keeps_only_the_newest_version_of_each_event_and_ignores_stale_appends()
    {
        var shard = fixture.Grains.GetGrain<ICatalogShardGrain>(CatalogShards.Of("evt_log_test"));
        var before = await shard.GetChanges(long.MaxValue - 1, 1);
        var document = new SearchDocument("evt_log_test", 1, "Log Test", "", "concert", DateTimeOffset.UtcNow.AddDays(1), [], "v", "Venue", "City", 1m, "USD", Availability.Available, []);

        await shard.Append(document);
        await shard.Append(document with { Version = 2, Name = "Log Test 2" });
        await shard.Append(document with { Version = 1, Name = "Stale" });

        var page = await shard.GetChanges(before.LastSequence, 100);
        var change = Assert.Single(page.Changes, c => c.Document.EventId == "evt_log_test");
        Assert.Equal((2L, "Log Test 2"), (change.Document.Version, change.Document.Name));
        Assert.Equal(before.LastSequence + 2, page.LastSequence);
        Assert.Equal(page.Changes.OrderBy(c => c.Sequence), page.Changes);
    }

    private static string Describe(SearchDocument d) => $"{d.EventId}|{d.Version}|{d.Name}|{d.Availability}|{d.StartsAt:O}";
}
