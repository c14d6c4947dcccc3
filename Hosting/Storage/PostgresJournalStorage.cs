using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Hosting;

/// <summary>
/// Journals in PostgreSQL (migration 0006): one row per appended batch, one snapshot row per
/// journal. An append is one statement that inserts only if the journal ends just before it; the
/// row at a snapshot's sequence is kept when older ones are deleted, so "ends just before" stays
/// checkable after compaction, and two appends of one sequence collide on the primary key.
/// </summary>
public sealed class PostgresJournalStorage(NpgsqlDataSource database, IOptions<ClusterOptions> cluster) : IJournalStorage
{
    private const string UniqueViolation = "23505";

    private string ServiceId => cluster.Value.ServiceId;

    public async Task<JournalContents> Read(string journal)
    {
        // One statement, so the snapshot and the rows after it are of one instant even while a compaction runs.
        await using var command = database.CreateCommand("""
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

    public async Task Append(string journal, long sequence, byte[] record)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO ticketmaster_journal (service_id, journal, sequence, record)
            SELECT $1, $2, $3, $4
            WHERE COALESCE(
                (SELECT max(sequence) FROM ticketmaster_journal WHERE service_id = $1 AND journal = $2),
                (SELECT sequence FROM ticketmaster_journal_snapshot WHERE service_id = $1 AND journal = $2),
                0) = $3 - 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = journal });
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = record });
        try
        {
            if (await command.ExecuteNonQueryAsync() == 1) return;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw new JournalConflictException(journal, sequence);
        }
        throw new JournalConflictException(journal, sequence);
    }

    public async Task WriteSnapshot(string journal, long sequence, byte[] snapshot)
    {
        await using var batch = database.CreateBatch();
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
