using Azure.Data.Tables;

namespace TicketMaster.Hosting;

/// <summary>
/// A record's bytes in a table entity: a binary property holds at most 64 KiB, so a record is cut
/// into <c>D0</c>..<c>D14</c>, which with the keys stays under the 1 MiB an entity may hold.
/// </summary>
internal static class AzureJournalRecordData
{
    public const int PartSize = 64 * 1024;
    public const int MaxParts = 15;
    public const int MaxBytes = PartSize * MaxParts;

    public static TableEntity Entity(string partition, long sequence, string journal, byte[] record)
    {
        if (record.Length > MaxBytes)
        {
            throw new InvalidOperationException(
                $"Journal '{journal}': the record for sequence {sequence} is {record.Length:N0} bytes; Azure Table storage holds at most {MaxBytes:N0} per record. Write smaller batches or snapshot more often.");
        }
        var entity = new TableEntity(partition, AzureJournalKeys.Record(sequence));
        for (int offset = 0, part = 0; offset < record.Length; offset += PartSize, part++)
        {
            entity["D" + part] = record.AsSpan(offset, Math.Min(PartSize, record.Length - offset)).ToArray();
        }
        return entity;
    }

    /// <summary>The parts joined again; a missing part ends the record (an empty record has none).</summary>
    public static byte[] Bytes(TableEntity entity)
    {
        var parts = new List<byte[]>();
        for (var part = 0; part < MaxParts && entity.GetBinary("D" + part) is { } bytes; part++) parts.Add(bytes);
        if (parts.Count == 1) return parts[0];
        var joined = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var bytes in parts)
        {
            bytes.CopyTo(joined, offset);
            offset += bytes.Length;
        }
        return joined;
    }
}
