using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using TicketMaster.Events;
using TicketMaster.Grains;
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
    public async Task Appends_to_many_journals_at_once_share_round_trips_and_a_conflict_fails_only_its_own_append()
    {
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var storage = new PostgresJournalStorage(database, Options.Create(new ClusterOptions { ServiceId = "svc-" + Guid.NewGuid().ToString("N") }));
        using var writes = new PostgresJournalWrites();

        // Every tenth append names a sequence its journal is not at: only those may fail.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try { await storage.Append($"ledger/{i}", i % 10 == 0 ? 2 : 1, [(byte)i]); return true; }
            catch (JournalConflictException) { return false; }
        }));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i % 10 != 0), outcomes);
        Assert.InRange(writes.Count, 1, 20);
        for (var i = 0; i < 200; i++) Assert.Equal(i % 10 == 0 ? 0 : 1, (await storage.Read($"ledger/{i}")).Records.Count);
    }

    [Fact]
    public async Task Appends_of_one_journal_waiting_together_are_stored_in_order()
    {
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var storage = new PostgresJournalStorage(database, Options.Create(new ClusterOptions { ServiceId = "svc-" + Guid.NewGuid().ToString("N") }));
        const string journal = "bookings/3";

        // Not awaited one by one: all three wait for round trips at once, and one statement's checks could not see an earlier row of it.
        await Task.WhenAll(storage.Append(journal, 1, [1]), storage.Append(journal, 2, [2]), storage.Append(journal, 3, [3]));

        Assert.Equal([1L, 2L, 3L], (await storage.Read(journal)).Records.Select(r => r.Sequence));
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

/// <summary>Counts the PostgreSQL journal's append round trips (<c>ticketmaster.journal.writes</c>, <c>storage=Postgres</c>) while it lives.</summary>
internal sealed class PostgresJournalWrites : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public PostgresJournalWrites()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == "ticketmaster.journal.writes") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "storage" && Equals(tag.Value, StorageKinds.Postgres)) Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
