using Lucene.Net.Index;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// One owner for the index's caches (<see cref="SearchCaches"/>): what is computed from a segment is counted in the one
/// bound and goes with the segment; the matches get what is left of the bound.
/// </summary>
public sealed class SearchCachesTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>
{
    /// <summary>The generated catalog in <paramref name="segments"/> segments of <paramref name="directory"/>.</summary>
    private DirectoryReader Index(SegmentedDirectory directory, int segments) => directory.Write(data.Documents.Chunk(data.Documents.Count / segments + 1));

    private static long Warm(SearchCaches caches, IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) caches.Prebuilt(leaf.AtomicReader);
        return caches.SegmentBytes;
    }

    [Fact]
    public void Segment_data_is_counted_in_the_bound_and_matches_get_only_what_is_left()
    {
        using var directory = new SegmentedDirectory();
        using var reader = Index(directory, segments: 2);
        var segmentBytes = Warm(new SearchCaches(), reader);
        var core = reader.Leaves[0].AtomicReader.CoreCacheKey;

        var roomy = new SearchCaches(matchCacheBytes: segmentBytes + 10_000);
        var tight = new SearchCaches(matchCacheBytes: segmentBytes + 100);
        Warm(roomy, reader);
        Warm(tight, reader);
        roomy.Matches.Add(core, "w\0gala", "set", 1_000);
        tight.Matches.Add(core, "w\0gala", "set", 1_000);

        Assert.True(segmentBytes > 0);
        Assert.Equal("set", roomy.Matches.Get(core, "w\0gala"));
        Assert.Null(tight.Matches.Get(core, "w\0gala"));
        Assert.True(roomy.Bytes <= roomy.MatchCacheBytes);
    }

    [Fact]
    public void A_segments_data_goes_when_lucene_closes_its_core()
    {
        using var directory = new SegmentedDirectory();
        var caches = new SearchCaches();
        var before = Index(directory, segments: 3);
        var threeSegments = Warm(caches, before);
        using var merged = directory.MergeAll();
        var withBoth = Warm(caches, merged);
        var gone = before.Leaves[0].AtomicReader;

        before.Dispose();

        Assert.Single(merged.Leaves);
        Assert.True(withBoth > threeSegments);
        // Only the merged segment's data is left, about what the three held.
        Assert.InRange(caches.SegmentBytes, 1, withBoth - threeSegments);
        Assert.False(caches.IsWarm(gone));
        Assert.True(caches.IsWarm(merged.Leaves[0].AtomicReader));
    }

    [Fact]
    public void A_words_alternatives_are_kept_for_the_newest_reader_and_counted()
    {
        using var directory = new SegmentedDirectory();
        using var older = Index(directory, segments: 1);
        var caches = new SearchCaches();
        var word = data.Documents[0].Performers[0].Split(' ')[0].ToLowerInvariant();
        var first = WordExpansions.For(older, word, caches);
        Assert.Same(first, WordExpansions.For(older, word, caches));
        Assert.True(caches.ExpansionBytes >= first.EstimatedBytes);

        using var written = directory.Write([[data.Documents[1] with { EventId = "newer" }]]);
        using var newer = DirectoryReader.OpenIfChanged(older)!;
        var fresh = WordExpansions.For(newer, word, caches);

        Assert.NotSame(first, fresh);
        Assert.Same(fresh, WordExpansions.For(newer, word, caches));
        // The older reader, finishing its searches, is answered without pushing the newer one's words out.
        Assert.NotSame(first, WordExpansions.For(older, word, caches));
        Assert.Same(fresh, WordExpansions.For(newer, word, caches));
    }
}
