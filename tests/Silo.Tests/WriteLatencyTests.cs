using System.Diagnostics;
using Orleans.Storage;
using Xunit.Abstractions;
using TicketMaster.Grains.Accounts;
using TicketMaster.Grains.Events;

namespace TicketMaster.Silo.Tests;

/// <summary>
/// Event state through the real provider and serializer: a 100,000-seat map must come back
/// exactly, and the write latency of small and large states is printed for docs/storage.md
/// (measured, not asserted: it depends on the machine).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WriteLatencyTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task An_event_state_of_100000_seats_and_its_holds_round_trips_exactly()
    {
        var serviceId = "svc-" + Guid.NewGuid().ToString("N");
        await using var cluster = await PostgresCluster.StartAsync(postgres.ConnectionString, serviceId);
        var storage = cluster.Storage(StorageNames.SeatMaps);
        var grainId = GrainId.Create("event", "evt_" + Guid.NewGuid().ToString("N"));
        var written = EventStateOf(seats: 100_000, holds: 10_000);

        await storage.WriteStateAsync("event", grainId, new GrainState<EventState>(written));
        var read = new GrainState<EventState>();
        await storage.ReadStateAsync("event", grainId, read);

        Assert.Equal(written.SeatOwners, read.State!.SeatOwners);
        Assert.Equal(written.NextSerial, read.State.NextSerial);
        Assert.Equal(written.ReservationKey, read.State.ReservationKey);
        Assert.Equal(Describe(written.Holds), Describe(read.State.Holds));
        output.WriteLine($"100,000 seats with 10,000 holds: {await PayloadSize(serviceId)}");
    }

    [Fact]
    public async Task Write_latency_of_a_small_state_and_a_50000_seat_event_is_measured()
    {
        var serviceId = "svc-" + Guid.NewGuid().ToString("N");
        await using var cluster = await PostgresCluster.StartAsync(postgres.ConnectionString, serviceId);

        var user = new GrainState<UserState>(new UserState { Email = "fan@example.com", DisplayName = "Fan", PasswordHash = new string('x', 84), Roles = ["user"] });
        var small = await Measure(cluster.Storage(StorageNames.Grains), "user", user, writes: 200);
        var seatMap = new GrainState<EventState>(EventStateOf(seats: 50_000, holds: 5_000));
        var large = await Measure(cluster.Storage(StorageNames.SeatMaps), "event", seatMap, writes: 50);

        // Each write moved the version on by one: the ETag chain is what stale writers trip over.
        Assert.Equal(("200", "50"), (user.ETag, seatMap.ETag));
        output.WriteLine($"small state (user): {small}");
        output.WriteLine($"50,000-seat event with 5,000 holds ({await PayloadSize(serviceId)}): {large}");
    }

    private static async Task<string> Measure<T>(IGrainStorage storage, string stateName, GrainState<T> state, int writes)
    {
        var grainId = GrainId.Create(stateName, Guid.NewGuid().ToString("N"));
        var samples = new List<double>();
        for (var i = 0; i < writes; i++)
        {
            var watch = Stopwatch.StartNew();
            await storage.WriteStateAsync(stateName, grainId, state);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return $"{writes} sequential writes, median {samples[writes / 2]:F1} ms, p95 {samples[writes * 95 / 100]:F1} ms, max {samples[^1]:F1} ms";
    }

    /// <summary>A seat map mid-sale: every other block of seats held or sold, two to four seats a hold.</summary>
    private static EventState EventStateOf(int seats, int holds)
    {
        var random = new Random(seats);
        var state = new EventState { SeatOwners = new int[seats], ReservationKey = new byte[32], NextSerial = holds + 1 };
        random.NextBytes(state.ReservationKey);
        var ordinal = 0;
        for (var serial = 1; serial <= holds && ordinal < seats - 4; serial++)
        {
            var count = random.Next(2, 5);
            var hold = new HoldRecord
            {
                ReservationId = $"r_{serial}_{Guid.NewGuid():N}",
                UserId = "u_" + Guid.NewGuid().ToString("N"),
                ExpiresAt = DateTimeOffset.UnixEpoch.AddSeconds(random.Next()),
                State = (HoldState)random.Next(3),
                Seats = Enumerable.Range(ordinal, count).ToArray(),
            };
            if (hold.State != HoldState.Held) hold.BookingId = "bk_" + Guid.NewGuid().ToString("N");
            foreach (var seat in hold.Seats) state.SeatOwners[seat] = serial;
            state.Holds[serial] = hold;
            ordinal += count * 2;
        }
        return state;
    }

    private static IEnumerable<string> Describe(Dictionary<int, HoldRecord> holds) =>
        holds.OrderBy(h => h.Key).Select(h =>
            $"{h.Key}:{h.Value.ReservationId}:{h.Value.UserId}:{h.Value.ExpiresAt:O}:{h.Value.State}:{h.Value.BookingId}:{string.Join(',', h.Value.Seats)}:{h.Value.GaSection}:{h.Value.GaCount}");

    private async Task<string> PayloadSize(string serviceId)
    {
        var serialized = await Sql.CountAsync(postgres.ConnectionString,
            "SELECT max(octet_length(payload)) FROM orleans_grain_state WHERE service_id = @service AND state_name = 'event'", ("service", serviceId));
        var stored = await Sql.CountAsync(postgres.ConnectionString,
            "SELECT max(pg_column_size(payload)) FROM orleans_grain_state WHERE service_id = @service AND state_name = 'event'", ("service", serviceId));
        return $"{serialized / 1024} KiB serialized, {stored / 1024} KiB stored compressed";
    }
}
