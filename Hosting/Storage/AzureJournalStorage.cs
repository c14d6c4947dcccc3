using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using TicketMaster.Grains;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Hosting;

/// <summary>
/// Journals on Azure Storage (docs/storage.md, "Azure Storage"). Records are entities of one
/// table partition per journal; a tail marker row names the last sequence, and each append is one
/// entity-group transaction that moves the marker and adds the record, so the version check and
/// the write are a single atomic step with no ETag to remember. Snapshots are blobs carrying
/// their sequence in metadata, written conditionally on the blob's ETag. Keyed by service id, so
/// two services on one account never share a journal.
/// </summary>
public sealed class AzureJournalStorage : IJournalStorage
{
    public const string TableName = "journals";
    public const string SnapshotContainer = "journal-snapshots";

    /// <summary>Blob metadata key of the sequence a snapshot is the state as of.</summary>
    public const string SequenceMetadata = "sequence";

    /// <summary>A transaction holds at most 100 actions.</summary>
    private const int DeletesPerTransaction = 100;

    /// <summary>A read that keeps meeting a compaction in flight gives up after this many tries (each retry means another snapshot was written meanwhile).</summary>
    private const int ReadAttempts = 5;

    /// <summary>Conditional snapshot writes that keep losing to another writer give up after this many tries; a snapshot is only an optimisation.</summary>
    private const int SnapshotAttempts = 3;

    private readonly TableClient _table;
    private readonly BlobContainerClient _snapshots;
    private readonly string _serviceId;
    private readonly Lock _lock = new();
    private Task? _created;

    public AzureJournalStorage(TableServiceClient tables, BlobServiceClient blobs, string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _table = tables.GetTableClient(TableName);
        _snapshots = blobs.GetBlobContainerClient(SnapshotContainer);
        _serviceId = serviceId;
    }

    public async Task Append(string journal, long sequence, byte[] record)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var partition = AzureJournalKeys.Partition(_serviceId, journal);
        var entity = AzureJournalRecordData.Entity(partition, sequence, journal, record);
        await EnsureCreated();
        GrainMetrics.JournalWrites.Add(1, new KeyValuePair<string, object?>("storage", StorageKinds.AzureStorage));
        // The first append claims the genesis row, which is never deleted: a second "first"
        // append fails even once compaction has removed record 1. Later appends must find the
        // tail marker of the sequence before theirs, which only the latest append left.
        TableTransactionAction[] actions = sequence == 1
            ? [new(TableTransactionActionType.Add, new TableEntity(partition, AzureJournalKeys.Genesis))]
            : [new(TableTransactionActionType.Delete, new TableEntity(partition, AzureJournalKeys.Tail(sequence - 1)), ETag.All)];
        actions = [.. actions,
            new(TableTransactionActionType.Add, new TableEntity(partition, AzureJournalKeys.Tail(sequence))),
            new(TableTransactionActionType.Add, entity)];
        try
        {
            await _table.SubmitTransactionAsync(actions);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            // No marker where this activation expected the tail (404), or the rows it would add
            // exist (409): another activation appended meanwhile. Nothing of this batch was stored,
            // unless the SDK retried a transaction whose first answer was lost: then the batch is
            // durable though refused here, and the grain's reload finds it (a 503 for a change
            // that happened, as with any write whose answer is lost).
            throw new JournalConflictException(journal, sequence);
        }
    }

    public async Task<JournalContents> Read(string journal)
    {
        var partition = AzureJournalKeys.Partition(_serviceId, journal);
        await EnsureCreated();
        for (var attempt = 1; ; attempt++)
        {
            // Snapshot first, records second: a compaction between the two can only remove
            // records the query then misses, which shows as a gap and is read again.
            var (snapshotSequence, snapshot) = await ReadSnapshot(journal);
            var records = new List<JournalRecord>();
            long? tail = null;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {AzureJournalKeys.Record(snapshotSequence + 1)}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter))
            {
                if (row.RowKey.StartsWith(AzureJournalKeys.RecordPrefix, StringComparison.Ordinal))
                {
                    records.Add(new JournalRecord(AzureJournalKeys.SequenceOf(row.RowKey), AzureJournalRecordData.Bytes(row)));
                }
                else if (row.RowKey.StartsWith(AzureJournalKeys.TailPrefix, StringComparison.Ordinal))
                {
                    tail = AzureJournalKeys.SequenceOf(row.RowKey);
                }
            }
            var missing = FirstMissing(snapshotSequence, records, tail);
            if (missing is null) return new JournalContents(snapshotSequence, snapshot, records);
            if (attempt == ReadAttempts)
            {
                // Not a compaction in flight (that settles within a retry): a record is gone.
                throw new JournalReadException(journal, missing.Value, new InvalidDataException(
                    $"After the snapshot at sequence {snapshotSequence} the table holds {records.Count} records up to tail {tail?.ToString(CultureInfo.InvariantCulture) ?? "none"}; sequence {missing} is missing."));
            }
        }
    }

    /// <summary>The first sequence between the snapshot and the tail that has no record; null when the history is whole.</summary>
    private static long? FirstMissing(long snapshotSequence, List<JournalRecord> records, long? tail)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Sequence != snapshotSequence + 1 + i) return snapshotSequence + 1 + i;
        }
        var last = snapshotSequence + records.Count;
        // No tail marker at all: only an empty journal has none.
        if (tail is null) return last == 0 ? null : last + 1;
        return tail.Value == last ? null : last + 1;
    }

    public async Task WriteSnapshot(string journal, long sequence, byte[] snapshot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        await EnsureCreated();
        var partition = AzureJournalKeys.Partition(_serviceId, journal);
        // As the memory journal: a snapshot past the journal's end is ignored. Stored, it would
        // make every read find the tail behind the snapshot.
        if (!await Reached(partition, sequence)) return;
        var blob = _snapshots.GetBlobClient(AzureJournalKeys.SnapshotBlob(_serviceId, journal));
        for (var attempt = 1; ; attempt++)
        {
            var stored = await SnapshotProperties(blob);
            if (stored is { } s && s.Sequence >= sequence) return;
            try
            {
                await blob.UploadAsync(new BinaryData(snapshot), new BlobUploadOptions
                {
                    Metadata = new Dictionary<string, string> { [SequenceMetadata] = sequence.ToString(CultureInfo.InvariantCulture) },
                    Conditions = stored is { } c ? new BlobRequestConditions { IfMatch = c.ETag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                });
                break;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < SnapshotAttempts)
            {
                // Another writer's snapshot landed between our look and our write: look again.
            }
        }
        await DeleteRecordsUpTo(partition, sequence);
    }

    /// <summary>Whether the journal's tail marker is at <paramref name="sequence"/> or beyond.</summary>
    private async Task<bool> Reached(string partition, long sequence)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {AzureJournalKeys.Tail(sequence)} and RowKey lt {AzureJournalKeys.TailEnd}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"])) return true;
        return false;
    }

    /// <summary>
    /// Drops every record the snapshot covers, including any a crashed compaction left behind.
    /// Reads never look below the snapshot, so a delete that fails only leaves garbage for the
    /// next compaction.
    /// </summary>
    private async Task DeleteRecordsUpTo(string partition, long sequence)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {AzureJournalKeys.RecordPrefix} and RowKey le {AzureJournalKeys.Record(sequence)}");
        var batch = new List<TableTransactionAction>(DeletesPerTransaction);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (batch.Count == DeletesPerTransaction) await Delete(batch);
        }
        if (batch.Count > 0) await Delete(batch);
    }

    private async Task Delete(List<TableTransactionAction> batch)
    {
        try
        {
            await _table.SubmitTransactionAsync(batch);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // A concurrent compaction deleted some of them; the rest go with the next one.
        }
        batch.Clear();
    }

    private async Task<(long Sequence, byte[]? Snapshot)> ReadSnapshot(string journal)
    {
        var blob = _snapshots.GetBlobClient(AzureJournalKeys.SnapshotBlob(_serviceId, journal));
        try
        {
            var download = (await blob.DownloadContentAsync()).Value;
            return (SequenceOf(download.Details.Metadata, journal), download.Content.ToArray());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (0, null);
        }
    }

    private static async Task<(long Sequence, ETag ETag)?> SnapshotProperties(BlobClient blob)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync()).Value;
            return (SequenceOf(properties.Metadata, blob.Name), properties.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static long SequenceOf(IDictionary<string, string> metadata, string name) =>
        metadata.TryGetValue(SequenceMetadata, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new InvalidDataException($"Journal snapshot '{name}' has no valid '{SequenceMetadata}' metadata.");

    /// <summary>The table and container, created once per process; a failed attempt is tried again by the next call.</summary>
    private Task EnsureCreated()
    {
        lock (_lock)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled) _created = Create();
            return _created;
        }
    }

    private async Task Create()
    {
        await _table.CreateIfNotExistsAsync();
        await _snapshots.CreateIfNotExistsAsync();
    }
}
