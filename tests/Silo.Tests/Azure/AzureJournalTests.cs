using System.Text;
using Azure.Data.Tables;
using TicketMaster.Grains.Persistence;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>The Azure journal's rules, proved on Azurite without a cluster: the same rules as the memory journal's.</summary>
[Collection(BackendCollection.Name)]
public sealed class AzureJournalTests(BackendFixtures backends)
{
    private string _serviceId = "";

    [Fact]
    public async Task Appends_and_a_snapshot_reload_in_order_on_Azurite()
    {
        var (storage, journal) = await NewJournal();
        for (var sequence = 1; sequence <= 250; sequence++) await storage.Append(journal, sequence, Record(sequence));

        await storage.WriteSnapshot(journal, 120, Snapshot(120));
        for (var sequence = 251; sequence <= 260; sequence++) await storage.Append(journal, sequence, Record(sequence));

        var contents = await storage.Read(journal);
        Assert.Equal(120, contents.SnapshotSequence);
        Assert.Equal(Snapshot(120), contents.Snapshot);
        Assert.Equal(Enumerable.Range(121, 140).Select(s => (long)s), contents.Records.Select(r => r.Sequence));
        Assert.All(contents.Records, r => Assert.Equal(Record(r.Sequence), r.Data));
        Assert.Equal(260, contents.LastSequence);
        // Compaction dropped what the snapshot covers.
        Assert.Equal(140, await StoredRecords(journal));
    }

    [Fact]
    public async Task An_empty_journal_reads_as_empty()
    {
        var (storage, journal) = await NewJournal();

        var contents = await storage.Read(journal);

        Assert.Equal(0, contents.LastSequence);
        Assert.Null(contents.Snapshot);
        Assert.Empty(contents.Records);
    }

    [Fact]
    public async Task An_append_with_a_taken_or_stale_sequence_is_refused()
    {
        var (storage, journal) = await NewJournal();
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 2, Record(2)));
        await storage.Append(journal, 1, Record(1));
        await storage.Append(journal, 2, Record(2));

        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 2, Record(99)));
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 1, Record(99)));
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 4, Record(99)));

        // After a compaction the old records are gone, yet an activation far behind is still refused.
        for (var sequence = 3; sequence <= 50; sequence++) await storage.Append(journal, sequence, Record(sequence));
        await storage.WriteSnapshot(journal, 50, Snapshot(50));
        Assert.Equal(0, await StoredRecords(journal));
        foreach (var stale in new long[] { 1, 2, 3, 49, 50 })
        {
            await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, stale, Record(99)));
        }

        var contents = await storage.Read(journal);
        Assert.Equal(50, contents.SnapshotSequence);
        Assert.Empty(contents.Records);
        await storage.Append(journal, 51, Record(51));
        Assert.Equal([51L], (await storage.Read(journal)).Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_journal_missing_a_record_after_its_snapshot_is_refused_naming_it_never_read_past_the_gap()
    {
        var (storage, journal) = await NewJournal();
        for (var sequence = 1; sequence <= 6; sequence++) await storage.Append(journal, sequence, Record(sequence));
        await storage.WriteSnapshot(journal, 2, Snapshot(2));
        var table = new TableServiceClient((await Backend()).Azurite.ConnectionString).GetTableClient(AzureJournalStorage.TableName);
        await table.DeleteEntityAsync(AzureJournalKeys.Partition(_serviceId, journal), AzureJournalKeys.Record(4));

        var refused = await Assert.ThrowsAsync<JournalReadException>(() => storage.Read(journal));

        Assert.Equal(journal, refused.Journal);
        Assert.Equal(4, refused.Sequence);
    }

    [Fact]
    public async Task Of_two_activations_that_read_one_journal_only_the_first_to_append_writes()
    {
        var (storage, journal) = await NewJournal();
        for (var sequence = 1; sequence <= 5; sequence++) await storage.Append(journal, sequence, Record(sequence));
        var first = await storage.Read(journal);
        var second = await storage.Read(journal);

        await storage.Append(journal, first.LastSequence + 1, Encoding.UTF8.GetBytes("first"));
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, second.LastSequence + 1, Encoding.UTF8.GetBytes("second")));

        // Racing at the same time, each round exactly one of two appends is stored.
        var last = first.LastSequence + 1;
        for (var round = 0; round < 20; round++)
        {
            var next = last + 1;
            var outcomes = await Task.WhenAll(
                Outcome(storage.Append(journal, next, Encoding.UTF8.GetBytes("a"))),
                Outcome(storage.Append(journal, next, Encoding.UTF8.GetBytes("b"))));
            Assert.Equal(1, outcomes.Count(stored => stored));
            last = next;
        }
        var contents = await storage.Read(journal);
        Assert.Equal(last, contents.LastSequence);
        Assert.Equal("first", Encoding.UTF8.GetString(contents.Records[5].Data));
    }

    [Fact]
    public async Task A_snapshot_older_than_the_stored_one_is_ignored()
    {
        var (storage, journal) = await NewJournal();
        for (var sequence = 1; sequence <= 10; sequence++) await storage.Append(journal, sequence, Record(sequence));
        await storage.WriteSnapshot(journal, 8, Snapshot(8));

        await storage.WriteSnapshot(journal, 5, Encoding.UTF8.GetBytes("older"));
        await storage.WriteSnapshot(journal, 8, Encoding.UTF8.GetBytes("as new"));

        var contents = await storage.Read(journal);
        Assert.Equal(8, contents.SnapshotSequence);
        Assert.Equal(Snapshot(8), contents.Snapshot);
        Assert.Equal([9L, 10L], contents.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_snapshot_past_the_end_of_the_journal_is_ignored()
    {
        var (storage, journal) = await NewJournal();
        await storage.WriteSnapshot(journal, 1, Snapshot(1));
        for (var sequence = 1; sequence <= 3; sequence++) await storage.Append(journal, sequence, Record(sequence));

        await storage.WriteSnapshot(journal, 4, Snapshot(4));

        var contents = await storage.Read(journal);
        Assert.Null(contents.Snapshot);
        Assert.Equal([1L, 2L, 3L], contents.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_record_larger_than_64_KiB_round_trips()
    {
        var (storage, journal) = await NewJournal();
        var large = RandomBytes(200 * 1024 + 7);
        var largest = RandomBytes(AzureJournalRecordData.MaxBytes);
        await storage.Append(journal, 1, large);
        await storage.Append(journal, 2, largest);
        await storage.Append(journal, 3, []);

        var contents = await storage.Read(journal);

        Assert.Equal(large, contents.Records[0].Data);
        Assert.Equal(largest, contents.Records[1].Data);
        Assert.Empty(contents.Records[2].Data);
    }

    [Fact]
    public async Task A_record_too_large_for_a_table_entity_is_refused_naming_the_journal_and_stores_nothing()
    {
        var (storage, journal) = await NewJournal();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.Append(journal, 1, new byte[AzureJournalRecordData.MaxBytes + 1]));

        Assert.Contains(journal, refused.Message);
        Assert.Equal(0, (await storage.Read(journal)).LastSequence);
        await storage.Append(journal, 1, Record(1));
    }

    [Fact]
    public async Task Journals_are_apart_per_service_and_name_even_with_characters_a_partition_key_forbids()
    {
        var backend = await Backend();
        var service = BackendCluster.NewId("svc");
        var odd = "event/a#b?c\\d|e%2Ff\u0001.";
        var names = new[] { (service, "event/x"), (service + "-other", "event/x"), (service, odd), (service, odd.TrimEnd('.')), (service + "|event", "x"), (service, "event|x") };
        for (var i = 0; i < names.Length; i++)
        {
            var (serviceId, journal) = names[i];
            var storage = backend.Journals(serviceId);
            await storage.Append(journal, 1, Record(i));
            await storage.WriteSnapshot(journal, 1, Snapshot(i));
        }

        for (var i = 0; i < names.Length; i++)
        {
            var (serviceId, journal) = names[i];
            var contents = await backend.Journals(serviceId).Read(journal);
            Assert.Equal(Snapshot(i), contents.Snapshot);
            Assert.Equal(1, contents.LastSequence);
        }
    }

    [Fact]
    public async Task Reads_while_snapshots_compact_the_journal_always_see_one_consistent_history()
    {
        var (storage, journal) = await NewJournal();
        var writing = Task.Run(async () =>
        {
            for (var sequence = 1; sequence <= 300; sequence++)
            {
                await storage.Append(journal, sequence, Record(sequence));
                if (sequence % 7 == 0) await storage.WriteSnapshot(journal, sequence, Snapshot(sequence));
            }
        });

        var reads = 0;
        while (!writing.IsCompleted || reads == 0)
        {
            var contents = await storage.Read(journal);
            reads++;
            if (contents.Snapshot is not null) Assert.Equal(Snapshot(contents.SnapshotSequence), contents.Snapshot);
            Assert.Equal(Enumerable.Range((int)contents.SnapshotSequence + 1, contents.Records.Count).Select(s => (long)s), contents.Records.Select(r => r.Sequence));
            Assert.All(contents.Records, r => Assert.Equal(Record(r.Sequence), r.Data));
        }
        await writing;
        var last = await storage.Read(journal);
        Assert.Equal(294, last.SnapshotSequence);
        Assert.Equal(300, last.LastSequence);
    }

    private async Task<AzureStorageBackendFixture> Backend() => (AzureStorageBackendFixture)await backends.Get(StorageKinds.AzureStorage);

    /// <summary>A fresh journal of a fresh service, so tests never share one.</summary>
    private async Task<(AzureJournalStorage Storage, string Journal)> NewJournal()
    {
        _serviceId = BackendCluster.NewId("svc");
        return ((await Backend()).Journals(_serviceId), "event/" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The record rows of a journal as stored, whatever the snapshot says.</summary>
    private async Task<int> StoredRecords(string journal)
    {
        var table = new TableServiceClient((await Backend()).Azurite.ConnectionString).GetTableClient(AzureJournalStorage.TableName);
        var partition = AzureJournalKeys.Partition(_serviceId, journal);
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"]))
        {
            if (row.RowKey.StartsWith(AzureJournalKeys.RecordPrefix, StringComparison.Ordinal)) count++;
        }
        return count;
    }

    private static async Task<bool> Outcome(Task append)
    {
        try
        {
            await append;
            return true;
        }
        catch (JournalConflictException)
        {
            return false;
        }
    }

    private static byte[] Record(long sequence) => Encoding.UTF8.GetBytes($"record {sequence}");

    private static byte[] Snapshot(long sequence) => Encoding.UTF8.GetBytes($"state as of {sequence}");

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
