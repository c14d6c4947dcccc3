using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using TicketMaster.Grains;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Hosting;

/// <summary>
/// Journals in PostgreSQL (migration 0006): one row per appended batch, one snapshot row per
/// journal. An append inserts only if the journal ends just before it, and the appends of every
/// journal that arrive while one statement runs share the next one (<see cref="JournalAppendBatcher"/>); the
/// row at a snapshot's sequence is kept when older ones are deleted, so "ends just before" stays
/// checkable after compaction, and of two appends of one sequence the primary key lets one in.
/// </summary>
public sealed class PostgresJournalStorage : IJournalStorage
{
    /// <summary>Bounds one statement (an event's batch record is a few kilobytes).</summary>
    private const int AppendsPerStatement = 500;

    private readonly NpgsqlDataSource _database;
    private readonly IOptions<ClusterOptions> _cluster;
    private readonly JournalAppendBatcher _appends;

    public PostgresJournalStorage(NpgsqlDataSource database, IOptions<ClusterOptions> cluster)
    {
        _database = database;
        _cluster = cluster;
        _appends = new JournalAppendBatcher(AppendBatch, AppendsPerStatement);
    }

    private string ServiceId => _cluster.Value.ServiceId;

    public async Task<JournalContents> Read(string journal)
    {
        // One statement, so the snapshot and the rows after it are of one instant even while a compaction runs.
        await using var command = _database.CreateCommand("""
            WITH s AS (SELECT sequence, snapshot FROM ticketmaster_journal_snapshot WHERE service_id = $1 AND journal = $2)
            SELECT 0 AS kind, sequence, snapshot FROM s
            UNION ALL
            SELECT 1, j.sequence, j.record FROM ticketmaster_journal j
            WHERE j.service_id = $1 AND j.journal = $2 AND j.sequence > COALESCE((SELECT sequence FROM s), 0)
            ORDER BY kind, sequence
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = journal });
        await using var reader = await command.ExecuteReaderAsync();
        long snapshotSequence = 0;
        byte[]? snapshot = null;
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync())
        {
            var sequence = reader.GetInt64(1);
            var data = reader.GetFieldValue<byte[]>(2);
            if (reader.GetInt32(0) == 0) (snapshotSequence, snapshot) = (sequence, data);
            else records.Add(new JournalRecord(sequence, data));
        }
        return new JournalContents(snapshotSequence, snapshot, records);
    }

    public Task Append(string journal, long sequence, byte[] record) => _appends.Append(journal, sequence, record);

    /// <summary>
    /// One statement for a whole batch: each row is inserted only if its journal ends just before
    /// it, and a row another writer inserted first is skipped, not an error, so one journal's
    /// conflict never fails the others'. The journals returned are the appends that were stored.
    /// </summary>
    private async Task<IReadOnlySet<string>> AppendBatch(IReadOnlyList<JournalAppend> batch)
    {
        await using var command = _database.CreateCommand("""
            INSERT INTO ticketmaster_journal (service_id, journal, sequence, record)
            SELECT $1, a.journal, a.sequence, a.record
            FROM unnest($2::text[], $3::bigint[], $4::bytea[]) AS a(journal, sequence, record)
            WHERE COALESCE(
                (SELECT max(sequence) FROM ticketmaster_journal WHERE service_id = $1 AND journal = a.journal),
                (SELECT sequence FROM ticketmaster_journal_snapshot WHERE service_id = $1 AND journal = a.journal),
                0) = a.sequence - 1
            ON CONFLICT DO NOTHING
            RETURNING journal
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(a => a.Journal).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(a => a.Sequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(a => a.Record).ToArray() });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        }
        GrainMetrics.JournalWrites.Add(1, new KeyValuePair<string, object?>("storage", StorageKinds.Postgres));
        return stored;
    }

    public async Task WriteSnapshot(string journal, long sequence, byte[] snapshot)
    {
        await using var batch = _database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO ticketmaster_journal_snapshot (service_id, journal, sequence, snapshot) VALUES ($1, $2, $3, $4)
            ON CONFLICT (service_id, journal) DO UPDATE SET sequence = excluded.sequence, snapshot = excluded.snapshot, written_at = now()
            WHERE ticketmaster_journal_snapshot.sequence < excluded.sequence
            """)
        {
            Parameters = { new() { Value = ServiceId }, new() { Value = journal }, new() { Value = sequence }, new() { Value = snapshot } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM ticketmaster_journal WHERE service_id = $1 AND journal = $2 AND sequence < $3")
        {
            Parameters = { new() { Value = ServiceId }, new() { Value = journal }, new() { Value = sequence } },
        });
        await batch.ExecuteNonQueryAsync();
    }
}
