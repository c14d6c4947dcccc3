using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// A set of ranks (<see cref="SegmentColumns"/>) in one segment: the documents a word or a keyword matches. Stored as a
/// sorted array when that is smaller than a bitset (fewer than one document in 32), else as a bitset, so a rare
/// performer costs a few bytes and "concert" one bit per document. Immutable once built, shared between searches.
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

    public bool IsDense => _bits is not null;

    public long Bytes => _bits is not null ? _bits.Length * 8L + 32 : _ranks.Length * 12L + 48;

    /// <summary>Dense sets only.</summary>
    public ulong[] Bits => _bits!;

    /// <summary>Sparse sets only, ascending.</summary>
    public int[] Ranks => _ranks;

    /// <summary>
    /// Sparse sets only: each rank's facet ordinals (<see cref="SegmentColumns.FacetsByRank"/>) beside it, so counting
    /// the matches of a sparse set reads memory in order instead of one far place in the columns per match.
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

    /// <summary>Collects the ranks of the documents in postings, then picks the smaller form.</summary>
    public sealed class Builder(SegmentColumns columns)
    {
        private readonly ulong[] _bits = new ulong[(columns.MaxDoc + 63) >> 6];
        private DocsEnum? _reuse;

        /// <summary>Adds every document of the term the enum stands on.</summary>
        public void AddCurrent(TermsEnum terms)
        {
            _reuse = terms.Docs(null, _reuse, DocsFlags.NONE);
            var rankOfDoc = columns.RankOfDoc;
            for (var doc = _reuse.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = _reuse.NextDoc())
            {
                var rank = rankOfDoc[doc];
                _bits[rank >> 6] |= 1UL << rank;
            }
        }

        /// <summary>Adds every rank of another set.</summary>
        public void Add(RankSet other)
        {
            if (other._bits is not null)
            {
                for (var w = 0; w < _bits.Length; w++) _bits[w] |= other._bits[w];
                return;
            }
            foreach (var rank in other._ranks) _bits[rank >> 6] |= 1UL << rank;
        }

        public RankSet Build()
        {
            var count = 0;
            foreach (var word in _bits) count += BitOperations.PopCount(word);
            if (count == 0) return Empty;
            if ((long)count * 32 >= columns.MaxDoc) return new RankSet([], [], (ulong[])_bits.Clone(), count);
            var ranks = new int[count];
            var facets = new long[count];
            var at = 0;
            for (var w = 0; w < _bits.Length; w++)
            {
                for (var word = _bits[w]; word != 0; word &= word - 1)
                {
                    var rank = (w << 6) + BitOperations.TrailingZeroCount(word);
                    facets[at] = columns.FacetsByRank[rank];
                    ranks[at++] = rank;
                }
            }
            return new RankSet(ranks, facets, null, count);
        }

        /// <summary>Empties the builder for the next set of the same segment.</summary>
        public void Clear() => Array.Clear(_bits);
    }
}
