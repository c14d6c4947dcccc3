using System.Buffers;
using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// A set of ranks (<see cref="SegmentColumns"/>) in one segment: the documents a word or a keyword matches. Stored as a
/// sorted array of ranks when that is smaller than a bitset (fewer than one document in 32), else as a bitset
/// (<see cref="IsBitset"/>), so a rare performer costs a few bytes and "concert" one bit per document. Immutable once
/// built, shared between searches.
/// </summary>
public sealed class RankSet
{
    public static readonly RankSet Empty = new([], [], null, 0);

    private readonly int[] _ranks;
    private readonly long[] _facets;
    private readonly ulong[]? _bits;

    private RankSet(int[] ranks, long[] facets, ulong[]? bits, int count)
    {
        _ranks = ranks;
        _facets = facets;
        _bits = bits;
        Count = count;
    }

    /// <summary>Documents in the set, deleted ones included (deletes are checked per match, on the reader's live docs).</summary>
    public int Count { get; }

    public bool IsBitset => _bits is not null;

    public long Bytes => _bits is not null ? _bits.Length * 8L + 32 : _ranks.Length * 4L + _facets.Length * 8L + 48;

    /// <summary>Bitsets only.</summary>
    public ulong[] Bits => _bits!;

    /// <summary>Sorted sets only, ascending.</summary>
    public int[] Ranks => _ranks;

    /// <summary>
    /// Sorted sets built with facets (a keyword's, a word's matches): each rank's facet ordinals
    /// (<see cref="SegmentColumns.FacetsByRank"/>) beside it, so counting the matches of a sorted set that an intersection
    /// walks reads memory in order instead of one far place in the columns per match; empty for the others.
    /// </summary>
    public long[] Facets => _facets;

    public bool Contains(int rank) => _bits is not null
        ? (_bits[rank >> 6] & (1UL << rank)) != 0
        : Array.BinarySearch(_ranks, rank) >= 0;

    /// <summary>The first index in <see cref="Ranks"/> at or after <paramref name="rank"/>.</summary>
    public int LowerBound(int rank)
    {
        var at = Array.BinarySearch(_ranks, rank);
        return at >= 0 ? at : ~at;
    }

    /// <summary>
    /// The documents of the term <paramref name="terms"/> stands on. A rare term (most are: names, typos' neighbours) is
    /// decoded straight into a sorted array of ranks; a larger one through <paramref name="scratch"/>'s bitset, which
    /// gives its ranks in order for a scan of the segment's bits, where sorting them costs a comparison sort per term.
    /// </summary>
    /// <param name="scratch">A builder of the same segment, emptied and reused.</param>
    /// <param name="withFacets">Whether a sorted set keeps each rank's facets beside it (<see cref="Facets"/>): for sets an intersection may walk.</param>
    public static RankSet OfTerm(TermsEnum terms, Builder scratch, bool withFacets)
    {
        var columns = scratch.Columns;
        var docFreq = terms.DocFreq;
        if (docFreq > SortedAtMost(columns.MaxDoc) || BitsetIsSmaller(docFreq, columns.MaxDoc, withFacets))
        {
            scratch.Clear();
            scratch.AddCurrent(terms);
            return scratch.Build(withFacets);
        }
        var ranks = Kept<int>(docFreq);
        var count = 0;
        var docs = scratch.Docs(terms);
        for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS && count < ranks.Length; doc = docs.NextDoc())
        {
            ranks[count++] = columns.RankOfDoc[doc];
        }
        Array.Sort(ranks, 0, count);
        if (count < ranks.Length) ranks = Kept<int>(ranks.AsSpan(0, count));
        return count == 0 ? Empty : new RankSet(ranks, withFacets ? FacetsOf(ranks, columns) : [], null, count);
    }

    /// <summary>
    /// Up to how many documents a term's ranks are sorted rather than set in a bitset: sorting costs some ten comparisons
    /// a rank, clearing and scanning the bitset two passes over one word per 64 documents.
    /// </summary>
    private static int SortedAtMost(int maxDoc) => Math.Max(64, maxDoc >> 9);

    /// <summary>A bitset when it is the smaller form: one bit per document, against 4 bytes a rank (12 with its facets).</summary>
    public static bool BitsetIsSmaller(long count, int maxDoc, bool withFacets) => count * (withFacets ? 96 : 32) >= maxDoc;

    /// <summary>
    /// An array for a set that is kept (in the <see cref="MatchCache"/>, for minutes): on the pinned heap, which the
    /// collector never moves, so a young collection does not copy the new sets to an older generation twice, pausing
    /// searches for tens of milliseconds when a peak brings many new words; they are freed with the older generation.
    /// </summary>
    private static T[] Kept<T>(int length) => GC.AllocateUninitializedArray<T>(length, pinned: true);

    private static T[] Kept<T>(ReadOnlySpan<T> items)
    {
        var array = Kept<T>(items.Length);
        items.CopyTo(array);
        return array;
    }

    private static long[] FacetsOf(int[] ranks, SegmentColumns columns)
    {
        var facets = Kept<long>(ranks.Length);
        for (var i = 0; i < ranks.Length; i++) facets[i] = columns.FacetsByRank[ranks[i]];
        return facets;
    }

    /// <summary>
    /// Collects the ranks of the documents in postings, then picks the smaller form. Its bitset of the whole segment is
    /// borrowed from a pool and given back at dispose: a word's first search builds several, and fresh ones would each
    /// cost a young collection's share.
    /// </summary>
    public sealed class Builder : IDisposable
    {
        private readonly int _words;
        private ulong[] _bits;
        private DocsEnum? _reuse;

        public Builder(SegmentColumns columns)
        {
            Columns = columns;
            _words = (columns.MaxDoc + 63) >> 6;
            _bits = ArrayPool<ulong>.Shared.Rent(_words);
            Clear();
        }

        public SegmentColumns Columns { get; }

        private Span<ulong> Bits => _bits.AsSpan(0, _words);

        /// <summary>The postings of the term the enum stands on, in the builder's reused enum.</summary>
        public DocsEnum Docs(TermsEnum terms) => _reuse = terms.Docs(null, _reuse, DocsFlags.NONE);

        /// <summary>Adds every document of the term the enum stands on.</summary>
        public void AddCurrent(TermsEnum terms)
        {
            var docs = Docs(terms);
            var rankOfDoc = Columns.RankOfDoc;
            var bits = _bits;
            for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var rank = rankOfDoc[doc];
                bits[rank >> 6] |= 1UL << rank;
            }
        }

        /// <summary>Adds every rank of another set.</summary>
        public void Add(RankSet other)
        {
            if (other._bits is not null)
            {
                var bits = Bits;
                for (var w = 0; w < bits.Length; w++) bits[w] |= other._bits[w];
                return;
            }
            foreach (var rank in other._ranks) _bits[rank >> 6] |= 1UL << rank;
        }

        /// <param name="withFacets">Whether a sorted set keeps each rank's facets beside it (<see cref="OfTerm"/>).</param>
        public RankSet Build(bool withFacets)
        {
            var bits = Bits;
            var count = 0;
            foreach (var word in bits) count += BitOperations.PopCount(word);
            if (count == 0) return Empty;
            if (BitsetIsSmaller(count, Columns.MaxDoc, withFacets)) return new RankSet([], [], Kept<ulong>(bits), count);
            var ranks = Kept<int>(count);
            var at = 0;
            for (var w = 0; w < bits.Length; w++)
            {
                for (var word = bits[w]; word != 0; word &= word - 1) ranks[at++] = (w << 6) + BitOperations.TrailingZeroCount(word);
            }
            return new RankSet(ranks, withFacets ? FacetsOf(ranks, Columns) : [], null, count);
        }

        /// <summary>Empties the builder for the next set of the same segment.</summary>
        public void Clear() => Bits.Clear();

        public void Dispose()
        {
            ArrayPool<ulong>.Shared.Return(_bits);
            _bits = [];
        }
    }
}
