using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Persistence;
using TicketMaster.Hosting;
using Xunit.Abstractions;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>The event grain on the AzureStorage backend: its seat changes go to the Azure journal and come back from it.</summary>
[Collection(BackendCollection.Name)]
public sealed class AzureEventJournalTests(BackendFixtures backends, ITestOutputHelper output)
{
    [Fact]
    public async Task A_silo_on_Azure_Storage_keeps_its_journals_in_Azure_Storage()
    {
        await using var cluster = await Start(BackendCluster.NewId("svc"));

        Assert.IsType<AzureJournalStorage>(cluster.Silos[0].ServiceProvider.GetRequiredService<IJournalStorage>());
    }

    [Fact]
    public async Task A_100000_seat_event_holds_and_reloads_from_its_journal_on_Azurite()
    {
        var serviceId = BackendCluster.NewId("svc");
        await using var cluster = await Start(serviceId);
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 100, seatsPerRow: 1000);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        var user = TestEvents.User();
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1", "A-50-500", "A-100-1000"]))).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestEvents.User(), "A", 8))).Status);
        var before = await grain.GetSeats(null);

        await cluster.DeactivateAsync(grain);

        var after = await grain.GetSeats(null);
        Assert.Equal(100_000, after!.Seats.Count);
        Assert.Equal(before!.Seats, after.Seats);
        Assert.Equal(11, after.Seats.Count(s => s.Status == SeatStatus.Held));
        Assert.Equal(SeatStatus.Held, after.Seats.Single(s => s.SeatId == "A-50-500").Status);
        Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
        var journal = await (await Journals(serviceId)).Read(EventJournal.Name(eventId));
        Assert.Null(journal.Snapshot);
        Assert.True(journal.LastSequence >= 3, $"create and two holds are three appends at least, not {journal.LastSequence}");
        Assert.Equal(journal.LastSequence, journal.Records.Count);
    }

    [Fact]
    public async Task A_100000_seat_event_past_its_snapshot_threshold_reloads_from_snapshot_and_replay_on_Azurite()
    {
        var serviceId = BackendCluster.NewId("svc");
        await using var cluster = await Start(serviceId, new Dictionary<string, string?> { ["Journal:SnapshotChanges"] = "5" });
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 100, seatsPerRow: 1000);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestEvents.User(), "A", 2))).Status);
        }
        var journals = await Journals(serviceId);
        var name = EventJournal.Name(eventId);
        // The snapshot is written off the callers' path: wait for it, then add records after it.
        await Eventually.True(async () => (await journals.Read(name)).SnapshotSequence > 0, TimeSpan.FromSeconds(30), "a snapshot of the event");
        var seat = 1000;
        await Eventually.True(async () =>
        {
            Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(TestEvents.User(), [$"A-100-{seat--}"]))).Status);
            var contents = await journals.Read(name);
            return contents.SnapshotSequence > 0 && contents.Records.Count > 0;
        }, TimeSpan.FromSeconds(30), "records after the snapshot");
        var before = await grain.GetSeats(null);

        await cluster.DeactivateAsync(grain);

        var after = await grain.GetSeats(null);
        Assert.Equal(before!.Seats, after!.Seats);
        Assert.Equal(before.Seats.Count(s => s.Status == SeatStatus.Held), after.Seats.Count(s => s.Status == SeatStatus.Held));
        var audit = await grain.Audit();
        Assert.Equal(0, audit.SeatsClaimedTwice);
        Assert.Equal(after.Seats.Count(s => s.Status == SeatStatus.Held), audit.RecountedHeld);
    }

    [Fact]
    public async Task After_a_twin_activation_in_another_cluster_appends_the_stale_one_is_refused_and_no_seat_is_sold_twice()
    {
        var serviceId = BackendCluster.NewId("svc");
        await using var cluster = await Start(serviceId);
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 10, seatsPerRow: 20);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(TestEvents.User(), ["A-1-1"]))).Status);

        // A split brain: a second cluster of the same service activates the event too and holds A-1-2 and A-1-3.
        await using (var twin = await Start(serviceId))
        {
            var twinHold = await twin.Client.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(TestEvents.User(), ["A-1-2", "A-1-3"]));
            Assert.Equal(ReserveStatus.Held, twinHold.Status);
        }

        // The first activation still believes A-1-2 is free; its append expects a sequence the twin took.
        var buyer = TestEvents.User();
        await Assert.ThrowsAsync<RetryableException>(() => grain.Reserve(ReserveRequest.ChosenSeats(buyer, ["A-1-2"])));

        var retried = await Eventually.Succeeds(() => grain.Reserve(ReserveRequest.ChosenSeats(buyer, ["A-1-2"])), TimeSpan.FromSeconds(30));
        Assert.Equal(ReserveStatus.Unavailable, retried.Status);
        Assert.Equal(["A-1-2"], retried.Unavailable!);
        var seats = (await grain.GetSeats(null))!.Seats.Where(s => s.Status != SeatStatus.Available).Select(s => s.SeatId).Order();
        Assert.Equal(["A-1-1", "A-1-2", "A-1-3"], seats);
        var audit = await grain.Audit();
        Assert.Equal(0, audit.SeatsClaimedTwice);
        Assert.Equal(3, audit.RecountedHeld);
    }

    /// <summary>Figures for docs/storage.md; asserts only that the writes happened.</summary>
    [Fact]
    public async Task Writes_of_a_small_grain_journal_appends_and_holds_are_timed_on_Azurite()
    {
        var serviceId = BackendCluster.NewId("svc");
        await using var cluster = await Start(serviceId);
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 100, seatsPerRow: 1000);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        var grains = cluster.Storage(StorageNames.Grains);
        var small = new GrainState<int>();
        var smallId = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var journals = await Journals(serviceId);
        var probe = "probe/" + Guid.NewGuid().ToString("N");
        var record = new byte[200];
        long sequence = 0;

        var smallWrites = await Measure(30, () => grains.WriteStateAsync("probe", smallId, small));
        var appends = await Measure(100, () => journals.Append(probe, ++sequence, record));
        var reads = await Measure(10, () => journals.Read(probe));
        var holds = await Measure(50, async () =>
            Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestEvents.User(), "A", 2))).Status));

        var journal = await journals.Read(EventJournal.Name(eventId));
        output.WriteLine($"Azurite write, small grain state (blob): {smallWrites}");
        output.WriteLine($"Azurite journal append, 200-byte record: {appends}");
        output.WriteLine($"Azurite journal read, {sequence} records of 200 bytes: {reads}");
        output.WriteLine($"2-seat hold on a 100,000-seat event, one caller (one append each): {holds}");
        var sizes = journal.Records.Select(r => r.Data.Length).Order().ToList();
        output.WriteLine($"event journal after the holds: {journal.Records.Count} records, median {sizes[sizes.Count / 2]} bytes, largest {sizes[^1]} bytes");
    }

    private async Task<InProcessTestCluster> Start(string serviceId, IReadOnlyDictionary<string, string?>? settings = null) =>
        await BackendCluster.StartAsync(await backends.Get(StorageKinds.AzureStorage), serviceId, settings: settings);

    private async Task<AzureJournalStorage> Journals(string serviceId) =>
        ((AzureStorageBackendFixture)await backends.Get(StorageKinds.AzureStorage)).Journals(serviceId);

    private static async Task<string> Measure(int count, Func<Task> write)
    {
        await write();
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await write();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return $"n={count} p50={times[count / 2]:0.0} ms p90={times[count * 9 / 10]:0.0} ms max={times[^1]:0.0} ms";
    }
}
