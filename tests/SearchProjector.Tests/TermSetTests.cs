using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// A term's documents in rank space (<see cref="RankSet"/>), however they are obtained: decoded at the term's first search
/// (sorted for a rare term, through a bitset for a larger one), decoded when the segment opens (<see cref="PrebuiltTermSets"/>),
/// or added straight into a word's set (<see cref="SegmentTerms.AddTo"/>).
/// </summary>
public sealed class TermSetTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>, IDisposable
{
    private readonly RAMDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_terms_set_holds_the_ranks_of_its_postings_whether_sorted_or_set_in_a_bitset()
    {
        using var reader = Index();
        var segment = reader.Leaves[0].AtomicReader;
        var columns = new SearchCaches().Columns(segment);
        using var scratch = new RankSet.Builder(columns);
        var terms = segment.GetTerms(SearchFields.Text).GetEnumerator();
        var kinds = new HashSet<string>();
        while (terms.MoveNext())
        {
            var expected = Ranks(terms, columns);
            foreach (var withFacets in new[] { false, true })
            {
                var set = RankSet.OfTerm(terms, scratch, withFacets);
                Assert.Equal(expected, Members(set, columns));
                kinds.Add(set.IsBitset ? "bitset" : expected.Length <= 64 ? "sorted" : "sorted from a bitset");
            }
        }
        Assert.Equal(["bitset", "sorted", "sorted from a bitset"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_words_set_is_ready_when_its_segment_opens_from_128_documents_in_either_form_and_a_rarer_word_has_none()
    {
        // Four copies of the catalog: words in 128 to 375 of its 12,000 documents keep sorted sets, more frequent
        // ones bitsets.
        using var reader = Index(copies: 4);
        var segment = reader.Leaves[0].AtomicReader;
        var caches = new SearchCaches();
        var columns = caches.Columns(segment);
        var prebuilt = caches.Prebuilt(segment);
        var terms = segment.GetTerms(SearchFields.Text).GetEnumerator();
        var (found, sorted, rare) = (0, 0, 0);
        while (terms.MoveNext())
        {
            var set = prebuilt.Find(SearchFields.Text, terms.Term);
            if (terms.DocFreq < SearchCaches.PrebuiltFromDocs)
            {
                Assert.Null(set);
                rare++;
                continue;
            }
            Assert.NotNull(set);
            Assert.Equal(Ranks(terms, columns), Members(set, columns));
            found++;
            if (!set.IsBitset) sorted++;
        }
        // Sorted sets too: a word in one event in 100 has thousands of postings in a large segment.
        Assert.True(found > sorted && sorted > 0 && rare > 0, $"{found} prebuilt ({sorted} sorted), {rare} rare");
        Assert.True(prebuilt.Bytes > 0);
        // Counted in the caches' bound, beside the columns.
        Assert.True(caches.SegmentBytes >= prebuilt.Bytes + columns.Bytes);
    }

    [Fact]
    public void A_neighbours_own_set_is_kept_from_its_second_use_and_adds_the_same_documents_both_times()
    {
        using var reader = Index();
        var segment = reader.Leaves[0].AtomicReader;
        var caches = new SearchCaches();
        var columns = caches.Columns(segment);
        var terms = segment.GetTerms(SearchFields.Text).GetEnumerator();
        while (terms.MoveNext() && (PrebuiltTermSets.IsPrebuilt(terms.DocFreq) || terms.DocFreq < 2))
        {
        }
        var term = BytesRef.DeepCopyOf(terms.Term);
        var expected = Ranks(terms, columns);

        int[] Added()
        {
            using var word = new RankSet.Builder(columns);
            using var segmentTerms = new SegmentTerms(segment, caches);
            segmentTerms.AddTo(word, SearchFields.Text, term);
            return Members(word.Build(withFacets: false), columns);
        }

        Assert.Equal(expected, Added());
        Assert.Equal(0, CachedSets(caches.Matches, segment));
        Assert.Equal(expected, Added());
        Assert.Equal(1, CachedSets(caches.Matches, segment));
        Assert.Equal(expected, Added());
        Assert.Equal(1, CachedSets(caches.Matches, segment));
    }

    private static int CachedSets(MatchCache cache, AtomicReader segment)
    {
        var count = 0;
        var terms = segment.GetTerms(SearchFields.Text).GetEnumerator();
        while (terms.MoveNext())
        {
            if (cache.Get(segment.CoreCacheKey, "t\0" + SearchFields.Text + "\0" + terms.Term.Utf8ToString()) is RankSet) count++;
        }
        return count;
    }

    /// <summary>
    /// The generated catalog in one segment, <paramref name="copies"/> times: words from one document in a few thousand
    /// to one in three.
    /// </summary>
    private DirectoryReader Index(int copies = 1)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Create())))
        {
            for (var copy = 0; copy < copies; copy++)
            {
                foreach (var document in data.Documents) writer.AddDocument(SearchFields.ToLucene(document));
            }
            writer.ForceMerge(1);
        }
        return DirectoryReader.Open(_directory);
    }

    /// <summary>The ranks of the documents of the term the enum stands on, from its postings, ascending.</summary>
    private static int[] Ranks(TermsEnum terms, SegmentColumns columns)
    {
        var ranks = new List<int>();
        var docs = terms.Docs(null, null, DocsFlags.NONE);
        for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) ranks.Add(columns.RankOfDoc[doc]);
        return [.. ranks.Order()];
    }

    private static int[] Members(RankSet set, SegmentColumns columns) => [.. Enumerable.Range(0, columns.MaxDoc).Where(set.Contains)];
}
