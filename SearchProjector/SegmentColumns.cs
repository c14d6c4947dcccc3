using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The doc values a search reads for every match, copied once per segment into plain arrays: the
/// start time, the facet ordinals and the segment's documents in date order. A segment never
/// changes after it is written (deletes live apart, in its live docs), so the copy is cached on the
/// segment's core and shared by every reader that reopens over it; a merged segment builds its own.
/// </summary>
public sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();

    private SegmentColumns(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        Starts = new long[maxDoc];
        var starts = reader.GetNumericDocValues(SearchFields.StartsAtSort);
        if (starts is not null)
        {
            for (var doc = 0; doc < maxDoc; doc++) Starts[doc] = starts.Get(doc);
        }
        (Categories, CategoryValues) = Ordinals(reader, SearchFields.CategoryFacet);
        (Cities, CityValues) = Ordinals(reader, SearchFields.CityFacet);
        (DateOrder, DateRank) = OrderByDate(reader, Starts);
    }

    /// <summary>Start time in UTC ticks, per document.</summary>
    public long[] Starts { get; }

    /// <summary>Category ordinal per document (-1: none), an index into <see cref="CategoryValues"/>.</summary>
    public int[] Categories { get; }

    public string[] CategoryValues { get; }

    /// <summary>City ordinal per document (-1: none), an index into <see cref="CityValues"/>.</summary>
    public int[] Cities { get; }

    public string[] CityValues { get; }

    /// <summary>The segment's documents by start time, then event id: the order of <see cref="SearchSort.Date"/>.</summary>
    public int[] DateOrder { get; }

    /// <summary>Each document's position in <see cref="DateOrder"/>.</summary>
    public int[] DateRank { get; }

    public static SegmentColumns For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    /// <summary>The first position in <see cref="DateOrder"/> whose start is at or after <paramref name="ticks"/>.</summary>
    public int FirstAtOrAfter(long ticks)
    {
        int low = 0, high = DateOrder.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Starts[DateOrder[mid]] < ticks) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static (int[] Ordinals, string[] Values) Ordinals(AtomicReader reader, string field)
    {
        var ordinals = new int[reader.MaxDoc];
        var values = reader.GetSortedDocValues(field);
        if (values is null)
        {
            Array.Fill(ordinals, -1);
            return (ordinals, []);
        }
        for (var doc = 0; doc < ordinals.Length; doc++) ordinals[doc] = values.GetOrd(doc);
        var names = new string[values.ValueCount];
        var term = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, term);
            names[ord] = term.Utf8ToString();
        }
        return (ordinals, names);
    }

    /// <summary>Sorted by start, then by the event id's ordinal, which follows the id's bytes as Lucene's string sort does.</summary>
    private static (int[] Order, int[] Rank) OrderByDate(AtomicReader reader, long[] starts)
    {
        var maxDoc = starts.Length;
        var order = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) order[doc] = doc;
        var keys = (long[])starts.Clone();
        Array.Sort(keys, order);

        var ids = reader.GetSortedDocValues(SearchFields.IdSort);
        if (ids is not null)
        {
            var idOrds = new int[maxDoc];
            for (var run = 0; run < maxDoc;)
            {
                var end = run + 1;
                while (end < maxDoc && keys[end] == keys[run]) end++;
                if (end - run > 1)
                {
                    for (var i = run; i < end; i++) idOrds[i] = ids.GetOrd(order[i]);
                    idOrds.AsSpan(run, end - run).Sort(order.AsSpan(run, end - run));
                }
                run = end;
            }
        }

        var rank = new int[maxDoc];
        for (var i = 0; i < maxDoc; i++) rank[order[i]] = i;
        return (order, rank);
    }
}
