using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// A search without text, answered from the cached columns instead of a scored query: nothing to
/// rank, so the order is the date order (<see cref="SearchSort.Relevance"/> ties on every hit and
/// falls back to it too). Facets need every match, so each segment is counted in one pass over
/// its start times; the page needs only the first few matches in date order, read off the
/// segment's precomputed date order instead of a priority queue over every match. Segments are
/// then merged by start time and event id, the order Lucene's sort uses.
/// </summary>
public static class DateOrderedScan
{
    public static SearchResultsPage Run(IndexReader reader, EventFilter filter, long start, int pageSize, int window)
    {
        var facets = new FacetCollector();
        var candidates = new List<Candidate>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var columns = SegmentColumns.For(segment);
            var live = segment.LiveDocs;
            var keyed = filter.KeywordDocs(segment, live);
            facets.SetNextReader(columns);
            var before = facets.Total;
            var matched = keyed is null ? null : new List<int>();
            if (keyed is null) CountWindow(columns, filter, live, facets);
            else CountKeyed(columns, filter, keyed, facets, matched!);

            var count = facets.Total - before;
            if (count == 0 || start >= window) continue;
            var take = Math.Min(window, count);
            // Walking the date order costs about take * (docs / matches) steps; ranking the matches costs one step each.
            var docs = keyed is null || (long)take * segment.MaxDoc < (long)count * count
                ? Walk(columns, filter, live, keyed, take)
                : Lowest(columns, matched!, take);
            var ids = segment.GetSortedDocValues(SearchFields.IdSort);
            foreach (var doc in docs)
            {
                var id = new BytesRef();
                ids?.Get(doc, id);
                candidates.Add(new Candidate(leaf.DocBase + doc, columns.Starts[doc], id));
            }
        }

        candidates.Sort(static (a, b) => a.Starts != b.Starts ? a.Starts.CompareTo(b.Starts) : a.Id.CompareTo(b.Id));
        var page = candidates.Skip((int)Math.Min(start, int.MaxValue)).Take(pageSize).Select(c => c.Doc).ToList();
        return new SearchResultsPage(facets.Total, page, facets.Facets(), facets.FirstStartTicks);
    }

    private static void CountWindow(SegmentColumns columns, EventFilter filter, IBits? live, FacetCollector facets)
    {
        var starts = columns.Starts;
        for (var doc = 0; doc < starts.Length; doc++)
        {
            if (!filter.InWindow(starts[doc])) continue;
            if (live is not null && !live.Get(doc)) continue;
            facets.Collect(doc);
        }
    }

    private static void CountKeyed(SegmentColumns columns, EventFilter filter, FixedBitSet keyed, FacetCollector facets, List<int> matched)
    {
        var starts = columns.Starts;
        for (var doc = NextSetBit(keyed, 0); doc >= 0; doc = NextSetBit(keyed, doc + 1))
        {
            if (!filter.InWindow(starts[doc])) continue;
            facets.Collect(doc);
            matched.Add(doc);
        }
    }

    /// <summary>The first <paramref name="take"/> matches in date order, from the first start inside the window.</summary>
    private static List<int> Walk(SegmentColumns columns, EventFilter filter, IBits? live, FixedBitSet? keyed, int take)
    {
        var result = new List<int>(take);
        var order = columns.DateOrder;
        for (var i = columns.FirstAtOrAfter(filter.FromTicks); i < order.Length && result.Count < take; i++)
        {
            var doc = order[i];
            if (columns.Starts[doc] > filter.ToTicks) break;
            if (keyed is not null ? !keyed.Get(doc) : live is not null && !live.Get(doc)) continue;
            result.Add(doc);
        }
        return result;
    }

    /// <summary>The <paramref name="take"/> matches of lowest date rank, in date order.</summary>
    private static List<int> Lowest(SegmentColumns columns, List<int> matched, int take)
    {
        var rank = columns.DateRank;
        var highestFirst = new PriorityQueue<int, int>(take + 1, Comparer<int>.Create(static (a, b) => b.CompareTo(a)));
        foreach (var doc in matched)
        {
            if (highestFirst.Count < take) highestFirst.Enqueue(doc, rank[doc]);
            else if (highestFirst.TryPeek(out _, out var highest) && rank[doc] < highest) highestFirst.EnqueueDequeue(doc, rank[doc]);
        }
        var result = new List<int>(highestFirst.Count);
        while (highestFirst.Count > 0) result.Add(highestFirst.Dequeue());
        result.Reverse();
        return result;
    }

    private static int NextSetBit(FixedBitSet bits, int from) => from < bits.Length ? bits.NextSetBit(from) : -1;

    private readonly record struct Candidate(int Doc, long Starts, BytesRef Id);
}
