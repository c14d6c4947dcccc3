using System.Globalization;
using System.Text;

namespace TicketMaster.Hosting;

/// <summary>
/// Names in the journal table and snapshot container. Every journal of a service is one table
/// partition, so an append can be one entity-group transaction. Row keys sort as the journal
/// does: the genesis marker <c>g</c>, then the records <c>r{sequence}</c>, then the tail marker
/// <c>t{sequence}</c>; sequences are zero-padded so that string order is number order.
/// </summary>
internal static class AzureJournalKeys
{
    public const string Genesis = "g";
    public const string RecordPrefix = "r";
    public const string TailPrefix = "t";

    /// <summary>Sorts after every tail marker: the end of a range query over them.</summary>
    public const string TailEnd = "u";

    /// <summary>Service and journal, each escaped, so neither can forge the other's separator.</summary>
    public static string Partition(string serviceId, string journal) => Escape(serviceId) + "|" + Escape(journal);

    /// <summary>One folder per service; the escaped journal name is one blob (no '/' left in it, so no virtual folders).</summary>
    public static string SnapshotBlob(string serviceId, string journal) => Escape(serviceId) + "/" + Escape(journal);

    public static string Record(long sequence) => RecordPrefix + Sequence(sequence);

    public static string Tail(long sequence) => TailPrefix + Sequence(sequence);

    /// <summary>The sequence a record or tail row key carries.</summary>
    public static long SequenceOf(string rowKey) => long.Parse(rowKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Sequence(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// Percent-escapes what a PartitionKey forbids ('/', '\', '#', '?', control characters), the
    /// separator '|', '%' itself (so the escape is reversible and two names never meet), and a
    /// trailing '.', which blob names must not end with.
    /// </summary>
    public static string Escape(string name)
    {
        var escaped = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var forbidden = c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c) || (c == '.' && i == name.Length - 1);
            if (forbidden) escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
