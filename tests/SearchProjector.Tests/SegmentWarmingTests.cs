using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>New segments have their columns and sets built before searches run on them (<see cref="SegmentWarmer"/>).</summary>
public sealed class SegmentWarmingTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>
{
    [Fact]
    public async Task A_merged_segment_is_built_on_the_merges_thread_and_a_flushed_one_by_the_refresh_that_opens_it()
    {
        var triggers = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Name == SearchMetrics.SegmentWarmDuration) meters.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "trigger") triggers.Enqueue((string)tag.Value!);
            }
        });
        listener.Start();

        using var index = new LuceneSearchIndex(data.Time, refreshInterval: TimeSpan.Zero);
        // Each search refreshes and so flushes the changes before it as a segment; past ten small segments the
        // writer merges them (on a thread of its own).
        foreach (var batch in data.Documents.Chunk(200))
        {
            foreach (var document in batch) index.Apply(document);
            index.Search(new SearchQuery { Text = "concert" });
        }
        await Eventually.True(() => triggers.Contains(SegmentWarmer.Merge), TimeSpan.FromSeconds(30), "the writer merged segments");
        Assert.Contains(SegmentWarmer.Refresh, triggers);
    }
}
