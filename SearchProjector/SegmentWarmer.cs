using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Builds a new segment's columns and prebuilt term sets (<see cref="PrebuiltTermSets"/>) before any search runs on it.
/// A merged segment, up to the size of the whole index (a few hundred milliseconds per 300,000 events), is built on the
/// merge's thread before the merge commits, as the writer's merged-segment warmer, so the search whose refresh opens
/// it does not wait; a flushed segment (one refresh interval's changes) is built by that refresh.
/// </summary>
public sealed class SegmentWarmer(SearchCaches caches) : IndexWriter.IndexReaderWarmer
{
    public const string Merge = "merge";
    public const string Refresh = "refresh";

    public override void Warm(AtomicReader reader) => Warm(reader, Merge);

    /// <summary>Builds what the segment does not have yet and reports how long that took (<see cref="SearchMetrics.SegmentWarm"/>).</summary>
    public void Warm(AtomicReader segment, string trigger)
    {
        if (caches.IsWarm(segment)) return;
        var start = Stopwatch.GetTimestamp();
        caches.Prebuilt(segment);
        SearchMetrics.SegmentWarm.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("trigger", trigger));
    }

    /// <summary>Builds the segments a refresh opens that no merge built, before searches run on them.</summary>
    public sealed class OnRefresh(SegmentWarmer warmer) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves) warmer.Warm(leaf.AtomicReader, Refresh);
            return base.NewSearcher(reader);
        }
    }
}
