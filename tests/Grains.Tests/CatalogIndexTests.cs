using System.Globalization;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CatalogIndexTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_list_keeps_its_order_and_replaced_lines_in_place_across_a_restart_past_its_snapshot()
    {
        var owner = "u_" + Guid.NewGuid().ToString("N");
        var list = Grains.GetGrain<ICatalogIndexGrain>(CatalogIndex.Key(CatalogKind.Performers, owner));
        var count = ClusterFixture.SnapshotChanges + 50;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            list.Put(new PerformerEntry($"prf_{i:D4}", $"Act {i}", owner, "pop"))));
        await list.Put(new PerformerEntry("prf_0007", "Renamed", owner, "jazz"));

        var before = await All(list);
        await fixture.Cluster.DeactivateAsync(list);
        var after = await All(list);

        Assert.Equal(count, before.Count);
        Assert.Equal(before, after);
        Assert.Equal("Renamed", ((PerformerEntry)after.Single(e => e.Id == "prf_0007")).Name);
        Assert.Null(await list.List("not-a-cursor", 10));
        Assert.Null(await list.List((count + 1).ToString(CultureInfo.InvariantCulture), 10));
    }

    [Fact]
    public async Task An_event_knows_its_owner_after_a_restart_and_lists_itself_as_theirs()
    {
        var owner = "u_" + Guid.NewGuid().ToString("N");
        var eventId = await TestCatalog.CreateEvent(fixture, owner, SectionDefinition.Seated("A", "A", 2, 5));
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(owner, await grain.GetOwner());
        var listed = await Grains.GetGrain<ICatalogIndexGrain>(CatalogIndex.Key(CatalogKind.Events, owner)).List(null, 10);
        Assert.Equal([eventId], listed!.Items.Select(i => i.Id));
        Assert.Null(await Grains.GetGrain<IEventGrain>("evt_nobody").GetOwner());
    }

    private static async Task<List<CatalogEntry>> All(ICatalogIndexGrain list)
    {
        var all = new List<CatalogEntry>();
        string? cursor = null;
        do
        {
            var page = (await list.List(cursor, 7))!;
            all.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return all;
    }
}
