using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using TicketMaster.Events;
using TicketMaster.Grains.Persistence;
using TicketMaster.Hosting;
using TicketMaster.Silo.Tests.Backends;

namespace TicketMaster.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_append_with_a_taken_or_stale_sequence_is_refused_even_after_compaction()
    {
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var storage = new PostgresJournalStorage(database, Options.Create(new ClusterOptions { ServiceId = "svc-" + Guid.NewGuid().ToString("N") }));
        const string journal = "event/evt_journal";
        await storage.Append(journal, 1, [1]);
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 1, [9]));
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 3, [9]));
        await storage.Append(journal, 2, [2]);
        await storage.Append(journal, 3, [3]);
        await storage.WriteSnapshot(journal, 3, [7, 7]);
        await storage.WriteSnapshot(journal, 2, [6]);

        // An activation that read the journal at sequence 1 is two appends and a snapshot behind.
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 2, [9]));
        await storage.Append(journal, 4, [4]);

        var contents = await storage.Read(journal);
        Assert.Equal(3, contents.SnapshotSequence);
        Assert.Equal([7, 7], contents.Snapshot);
        Assert.Equal([4L], contents.Records.Select(r => r.Sequence));
        Assert.Equal([4], contents.Records[0].Data);
    }

    [Fact]
    public async Task Two_appends_racing_for_one_sequence_store_exactly_one()
    {
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var storage = new PostgresJournalStorage(database, Options.Create(new ClusterOptions { ServiceId = "svc-" + Guid.NewGuid().ToString("N") }));
        const string journal = "event/evt_race";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try { await storage.Append(journal, 1, [(byte)i]); return true; }
            catch (JournalConflictException) { return false; }
        }));

        Assert.Single(outcomes, won => won);
        Assert.Single((await storage.Read(journal)).Records);
    }

    [Fact]
    public async Task A_100000_seat_event_reloads_exactly_from_its_snapshot_and_journal_on_PostgreSQL()
    {
        await using var cluster = await BackendCluster.StartAsync(
            new Dictionary<string, string?>
            {
                ["Orleans:Storage"] = StorageKinds.Postgres,
                ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
                ["Journal:SnapshotChanges"] = "200",
            },
            "svc-" + Guid.NewGuid().ToString("N"), 1, null);
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 100, seatsPerRow: 1000);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => grain.Reserve(ReserveRequest.BestAvailable(TestEvents.User(), "A", 2))));
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(TestEvents.User(), ["A-100-1000"]))).Status);
        await Eventually.True(async () => (await cluster.Journals().Read(Grains.Events.EventJournal.Name(eventId))).SnapshotSequence > 0,
            TimeSpan.FromSeconds(20), "a snapshot written");
        var before = await grain.GetSeats(null);

        await cluster.DeactivateAsync(grain);

        var after = await grain.GetSeats(null);
        Assert.Equal(100_000, after!.Seats.Count);
        Assert.Equal(before!.Seats, after.Seats);
        Assert.Equal(1001, after.Seats.Count(s => s.Status == SeatStatus.Held));
        Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
    }
}
