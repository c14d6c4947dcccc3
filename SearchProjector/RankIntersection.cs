using System.Numerics;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The ranks in [first, end) that every set holds, ascending, a buffer at a time. The smallest sorted set is walked and
/// the others asked about each of its ranks (bit tests, or cursors that only move forward); when every set is a bitset
/// they are ANDed 64 ranks at a time. No set at all means every rank of the window.
/// Each rank comes with its facet ordinals (<see cref="SegmentColumns.FacetsByRank"/>), read where they lie in order.
/// </summary>
public sealed class RankIntersection
{
    private readonly RankSet[] _sets;
    private readonly long[] _facetsByRank;
    private readonly int[] _cursors;
    private readonly int _end;
    private int _next;

    /// <param name="sets">Sets every rank must be in; none: the whole window.</param>
    public RankIntersection(SegmentColumns columns, IEnumerable<RankSet> sets, int first, int end)
    {
        _facetsByRank = columns.FacetsByRank;
        // A sorted set is walked whenever there is one (the smallest): walking it never visits more than it holds.
        _sets = [.. sets.OrderBy(s => s.IsBitset).ThenBy(s => s.Count)];
        _cursors = new int[_sets.Length];
        _end = end;
        if (_sets.Length == 0) _next = first;
        else if (!_sets[0].IsBitset)
        {
            for (var s = 0; s < _sets.Length; s++) _cursors[s] = _sets[s].IsBitset ? 0 : _sets[s].LowerBound(first);
            _next = _cursors[0];
        }
        else
        {
            _next = first >> 6;
            _firstMask = ~0UL << (first & 63);
        }
    }

    private ulong _firstMask;

    /// <summary>Writes the next matching ranks into <paramref name="buffer"/>; 0 when there are no more.</summary>
    /// <summary>Writes the next matching ranks into <paramref name="buffer"/> and their facets into <paramref name="facets"/>; 0 when there are no more.</summary>
    public int Fill(int[] buffer, long[] facets)
    {
        if (_sets.Length == 0) return FillWindow(buffer, facets);
        return _sets[0].IsBitset ? FillBits(buffer, facets) : FillSorted(buffer, facets);
    }

    private int FillWindow(int[] buffer, long[] facets)
    {
        var count = Math.Min(buffer.Length, _end - _next);
        if (count <= 0) return 0;
        for (var i = 0; i < count; i++) buffer[i] = _next + i;
        Array.Copy(_facetsByRank, _next, facets, 0, count);
        _next += count;
        return count;
    }

    private int FillSorted(int[] buffer, long[] facets)
    {
        var lead = _sets[0].Ranks;
        var leadFacets = _sets[0].Facets;
        var count = 0;
        while (_next < lead.Length && count < buffer.Length)
        {
            var at = _next++;
            var rank = lead[at];
            if (rank >= _end)
            {
                _next = lead.Length;
                break;
            }
            if (!InOthers(rank)) continue;
            facets[count] = leadFacets.Length > 0 ? leadFacets[at] : _facetsByRank[rank];
            buffer[count++] = rank;
        }
        return count;
    }

    private bool InOthers(int rank)
    {
        for (var s = 1; s < _sets.Length; s++)
        {
            var set = _sets[s];
            if (set.IsBitset)
            {
                if ((set.Bits[rank >> 6] & (1UL << rank)) == 0) return false;
                continue;
            }
            // Ranks arrive ascending, so each sorted set's cursor only moves forward.
            var ranks = set.Ranks;
            var at = _cursors[s];
            while (at < ranks.Length && ranks[at] < rank) at++;
            _cursors[s] = at;
            if (at == ranks.Length || ranks[at] != rank) return false;
        }
        return true;
    }

    private int FillBits(int[] buffer, long[] facets)
    {
        var count = 0;
        var lastWord = (_end - 1) >> 6;
        while (_next <= lastWord && count + 64 <= buffer.Length)
        {
            var w = _next++;
            var word = _firstMask;
            _firstMask = ~0UL;
            if (w == lastWord && (_end & 63) != 0) word &= (1UL << (_end & 63)) - 1;
            for (var s = 0; s < _sets.Length && word != 0; s++) word &= _sets[s].Bits[w];
            for (; word != 0; word &= word - 1)
            {
                var rank = (w << 6) + BitOperations.TrailingZeroCount(word);
                facets[count] = _facetsByRank[rank];
                buffer[count++] = rank;
            }
        }
        return count;
    }
}
