using System.Diagnostics;
using Azure.Storage.Blobs;
using Orleans.Storage;
using Orleans.TestingHost;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using Xunit.Abstractions;

namespace TicketMaster.Silo.Tests.Azure;

[Collection(BackendCollection.Name)]
public sealed class AzureSeatMapTests(BackendFixtures backends, ITestOutputHelper output)
{
    private const string EventState = "event";

    [Fact]
    public async Task A_100000_seat_event_saves_and_loads_on_Azurite_blob_storage()
    {
        await using var cluster = await Start();
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 100, seatsPerRow: 1000);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        var user = TestEvents.User();
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1", "A-50-500", "A-100-1000"]))).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(user, "A", 10))).Status);
        var before = await grain.GetSeats(null);

        await cluster.DeactivateAsync(grain);

        var after = await grain.GetSeats(null);
        Assert.Equal(100_000, after!.Seats.Count);
        Assert.Equal(before!.Seats, after.Seats);
        Assert.Equal(13, after.Seats.Count(s => s.Status == SeatStatus.Held));
        Assert.Equal(SeatStatus.Held, after.Seats.Single(s => s.SeatId == "A-50-500").Status);
        Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_of_the_state_is_refused_by_the_ETag()
    {
        await using var cluster = await Start();
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 10, seatsPerRow: 20);
        var grainId = cluster.Client.GetGrain<IEventGrain>(eventId).GetGrainId();
        var storage = cluster.Storage(StorageNames.SeatMaps);
        var first = new GrainState<EventState>();
        var stale = new GrainState<EventState>();
        await storage.ReadStateAsync(EventState, grainId, first);
        await storage.ReadStateAsync(EventState, grainId, stale);
        Assert.NotNull(first.ETag);
        Assert.Equal(first.ETag, stale.ETag);

        first.State!.QueueActive = true;
        await storage.WriteStateAsync(EventState, grainId, first);
        stale.State!.DocumentVersion += 100;

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(EventState, grainId, stale));
        var stored = new GrainState<EventState>();
        await storage.ReadStateAsync(EventState, grainId, stored);
        Assert.True(stored.State!.QueueActive);
        Assert.Equal(first.State.DocumentVersion, stored.State.DocumentVersion);
    }

    [Fact]
    public async Task After_the_stored_seat_map_changes_outside_the_grain_its_next_reservation_is_retryable_and_no_seat_is_sold_twice()
    {
        await using var cluster = await Start();
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 10, seatsPerRow: 20);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(TestEvents.User(), ["A-1-1"]))).Status);

        // A twin activation (a split brain) holds seats A-1-2 and A-1-3 and wins the write.
        var storage = cluster.Storage(StorageNames.SeatMaps);
        var twin = new GrainState<EventState>();
        await storage.ReadStateAsync(EventState, grain.GetGrainId(), twin);
        var twinHold = new SeatMap(eventId, twin.State!).Reserve(
            ReserveRequest.ChosenSeats(TestEvents.User(), ["A-1-2", "A-1-3"]), DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(ReserveStatus.Held, twinHold.Status);
        await storage.WriteStateAsync(EventState, grain.GetGrainId(), twin);

        // The old activation still believes A-1-2 is free; its write carries the old ETag.
        var buyer = TestEvents.User();
        await Assert.ThrowsAsync<RetryableException>(() => grain.Reserve(ReserveRequest.ChosenSeats(buyer, ["A-1-2"])));

        var retried = await Eventually(() => grain.Reserve(ReserveRequest.ChosenSeats(buyer, ["A-1-2"])));
        Assert.Equal(ReserveStatus.Unavailable, retried.Status);
        Assert.Equal(["A-1-2"], retried.Unavailable!);
        var seats = (await grain.GetSeats(null))!.Seats.Where(s => s.Status != SeatStatus.Available).Select(s => s.SeatId).Order();
        Assert.Equal(["A-1-1", "A-1-2", "A-1-3"], seats);
        var audit = await grain.Audit();
        Assert.Equal(0, audit.SeatsClaimedTwice);
        Assert.Equal(3, audit.RecountedHeld);
    }

    [Fact]
    public async Task Writes_of_a_small_grain_and_of_a_50000_seat_event_round_trip_on_Azurite()
    {
        await using var cluster = await Start();
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 50, seatsPerRow: 1000);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestEvents.User(), "A", 4))).Status);
        var seatMaps = cluster.Storage(StorageNames.SeatMaps);
        var seatMap = new GrainState<EventState>();
        await seatMaps.ReadStateAsync(EventState, grain.GetGrainId(), seatMap);
        // A busy on-sale's state: 5,000 holds of two seats each, like the Postgres figures.
        var map = new SeatMap(eventId, seatMap.State!);
        for (var i = 0; i < 5_000; i++)
        {
            Assert.Equal(ReserveStatus.Held, map.Reserve(ReserveRequest.BestAvailable(TestEvents.User(), "A", 2), DateTimeOffset.UtcNow.AddMinutes(10)).Status);
        }

        var small = new GrainState<EventState>();
        var smallId = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var grains = cluster.Storage(StorageNames.Grains);

        var smallWrites = await Measure(30, () => grains.WriteStateAsync("probe", smallId, small));
        var seatMapWrites = await Measure(30, () => seatMaps.WriteStateAsync(EventState, grain.GetGrainId(), seatMap));

        var reread = new GrainState<EventState>();
        await seatMaps.ReadStateAsync(EventState, grain.GetGrainId(), reread);
        Assert.Equal(seatMap.ETag, reread.ETag);
        Assert.Equal(seatMap.State!.SeatOwners, reread.State!.SeatOwners);
        Assert.Equal(50_000, reread.State.SeatOwners.Length);
        Assert.Equal(5_001, reread.State.Holds.Count);
        var blob = new BlobServiceClient(((AzureStorageBackendFixture)await backends.Get(Hosting.StorageKinds.AzureStorage)).Azurite.ConnectionString)
            .GetBlobContainerClient(Hosting.AzureStorageBackend.SeatMapContainer).GetBlobClient($"{EventState}-{grain.GetGrainId()}.json");
        output.WriteLine($"50,000-seat event with 5,001 holds: {(await blob.GetPropertiesAsync()).Value.ContentLength / 1024} KiB in its blob");
        output.WriteLine($"Azurite write, small grain (blob): {smallWrites}");
        output.WriteLine($"Azurite write, 50,000-seat event state (blob): {seatMapWrites}");
    }

    private async Task<InProcessTestCluster> Start() =>
        await BackendCluster.StartAsync(await backends.Get(Hosting.StorageKinds.AzureStorage), BackendCluster.NewId("svc"));

    /// <summary>Retries while the grain says "try again" (the stale activation is on its way out), up to a deadline.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RetryableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

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
