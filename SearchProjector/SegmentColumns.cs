using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// A segment's documents in date order (start, then event id: the order of <see cref="SearchSort.Date"/>), and the
/// doc values every match reads, copied once into plain arrays in that order. A document's place in it is its
/// <em>rank</em>: a start-time window is then one contiguous range of ranks, and the first matches of a range are the
/// earliest, so every search works in rank space (<see cref="RankSet"/>, <see cref="RankedSearch"/>). A segment never
/// changes after it is written (deletes live apart, in its live docs), so the columns are kept for the segment's core
/// (<see cref="SearchCaches"/>) and shared by every reader that reopens over it; a merged segment builds its own.
/// </summary>
public sealed class SegmentColumns
{
    public SegmentColumns(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var starts = new long[maxDoc];
        var startValues = reader.GetNumericDocValues(SearchFields.StartsAtSort);
        if (startValues is not null)
        {
            for (var doc = 0; doc < maxDoc; doc++) starts[doc] = startValues.Get(doc);
        }
        (DocOfRank, RankOfDoc) = OrderByDate(reader, starts);
        StartsByRank = new long[maxDoc];
        for (var rank = 0; rank < maxDoc; rank++) StartsByRank[rank] = starts[DocOfRank[rank]];
        (var categories, CategoryValues) = Ordinals(reader, SearchFields.CategoryFacet, DocOfRank);
        (var cities, CityValues) = Ordinals(reader, SearchFields.CityFacet, DocOfRank);
        FacetsByRank = new long[maxDoc];
        for (var rank = 0; rank < maxDoc; rank++) FacetsByRank[rank] = Facets(categories[rank], cities[rank]);
        _blockCounts = BlockCounts();
    }

    /// <summary>Ranks per block of <see cref="_blockCounts"/>.</summary>
    private const int BlockShift = 10;

    /// <summary>The most (category, city) pairs counted by block; beyond it a window is counted match by match.</summary>
    private const int MaxPairs = 4096;

    /// <summary>
    /// For each block boundary b, how many of the ranks before b * 1,024 have each (category, city) pair: a window's facets
    /// are then the difference of two rows plus its two partial blocks, whatever its length. Null when there are too many pairs.
    /// </summary>
    private readonly int[]? _blockCounts;

    private int Pairs => (CategoryValues.Length + 1) * (CityValues.Length + 1);

    private int Pair(long facets) => (int)(facets >> 32) * (CityValues.Length + 1) + (int)(uint)facets;

    private int[]? BlockCounts()
    {
        var pairs = Pairs;
        if (pairs > MaxPairs) return null;
        var blocks = MaxDoc >> BlockShift;
        var counts = new int[(blocks + 1) * pairs];
        for (var b = 0; b < blocks; b++)
        {
            var row = (b + 1) * pairs;
            Array.Copy(counts, b * pairs, counts, row, pairs);
            for (var rank = b << BlockShift; rank < (b + 1) << BlockShift; rank++) counts[row + Pair(FacetsByRank[rank])]++;
        }
        return counts;
    }

    /// <summary>Whether <see cref="CountWindow"/> can answer.</summary>
    public bool CountsByBlock => _blockCounts is not null;

    /// <summary>
    /// Counts the live documents of ranks [first, end) whose category and city are among the given ordinals (null: any)
    /// into the facet counts (index ordinal + 1), from the block counts: two rows and the partial blocks at both ends,
    /// less the deleted documents of the whole blocks.
    /// </summary>
    public int CountWindow(int first, int end, bool[]? categories, bool[]? cities, ulong[]? live, int[] categoryCounts, int[] cityCounts)
    {
        var counts = _blockCounts!;
        var pairs = Pairs;
        var width = CityValues.Length + 1;
        var firstBlock = (first + (1 << BlockShift) - 1) >> BlockShift;
        var endBlock = end >> BlockShift;
        if (firstBlock >= endBlock) return CountRanks(first, end, categories, cities, live, categoryCounts, cityCounts);

        var total = CountRanks(first, firstBlock << BlockShift, categories, cities, live, categoryCounts, cityCounts)
            + CountRanks(endBlock << BlockShift, end, categories, cities, live, categoryCounts, cityCounts);
        for (var pair = 0; pair < pairs; pair++)
        {
            var n = counts[endBlock * pairs + pair] - counts[firstBlock * pairs + pair];
            if (n == 0) continue;
            int category = pair / width, city = pair % width;
            if (!Accepts(categories, category) || !Accepts(cities, city)) continue;
            categoryCounts[category] += n;
            cityCounts[city] += n;
            total += n;
        }
        if (live is not null) total -= CountDeleted(firstBlock << BlockShift, endBlock << BlockShift, categories, cities, live, categoryCounts, cityCounts);
        return total;
    }

    /// <summary>
    /// Takes the deleted ranks of [first, end) that pass off the counts, found a word of the live bits at a time: a
    /// segment that takes updates has a few deleted documents among hundreds of thousands, and visiting every rank of
    /// the window to find them cost a search by date about a millisecond per large segment.
    /// </summary>
    /// <param name="first">A block boundary, so a multiple of 64, as <paramref name="end"/> is.</param>
    private int CountDeleted(int first, int end, bool[]? categories, bool[]? cities, ulong[] live, int[] categoryCounts, int[] cityCounts)
    {
        var total = 0;
        for (var word = first >> 6; word < end >> 6; word++)
        {
            for (var deleted = ~live[word]; deleted != 0; deleted &= deleted - 1)
            {
                var rank = (word << 6) + BitOperations.TrailingZeroCount(deleted);
                var facets = FacetsByRank[rank];
                int category = (int)(facets >> 32), city = (int)(uint)facets;
                if (!Accepts(categories, category) || !Accepts(cities, city)) continue;
                categoryCounts[category]--;
                cityCounts[city]--;
                total++;
            }
        }
        return total;
    }

    private static bool Accepts(bool[]? ordinals, int ordinalPlusOne) => ordinals is null || (ordinalPlusOne > 0 && ordinals[ordinalPlusOne - 1]);

    /// <summary>Adds the live ranks of [first, end) that pass.</summary>
    private int CountRanks(int first, int end, bool[]? categories, bool[]? cities, ulong[]? live, int[] categoryCounts, int[] cityCounts)
    {
        var total = 0;
        for (var rank = first; rank < end; rank++)
        {
            if (!IsLive(live, rank)) continue;
            var facets = FacetsByRank[rank];
            int category = (int)(facets >> 32), city = (int)(uint)facets;
            if (!Accepts(categories, category) || !Accepts(cities, city)) continue;
            categoryCounts[category]++;
            cityCounts[city]++;
            total++;
        }
        return total;
    }

    /// <summary>Which of <paramref name="values"/> are <paramref name="key"/> as the key fields hold it (<see cref="SearchFields.Key"/>).</summary>
    public static bool[] OrdinalsOf(string[] values, string key)
    {
        var found = new bool[values.Length];
        for (var ord = 0; ord < values.Length; ord++) found[ord] = SearchFields.Key(values[ord]) == key;
        return found;
    }

    /// <summary>Both facet ordinals of a document in one value, so counting a match reads one place: category + 1 high, city + 1 low (0: none).</summary>
    public static long Facets(int category, int city) => ((long)(category + 1) << 32) | (uint)(city + 1);

    public int MaxDoc => DocOfRank.Length;

    /// <summary>The segment's documents by start time, then event id.</summary>
    public int[] DocOfRank { get; }

    /// <summary>Each document's place in <see cref="DocOfRank"/>.</summary>
    public int[] RankOfDoc { get; }

    /// <summary>Start time in UTC ticks, by rank (ascending).</summary>
    public long[] StartsByRank { get; }

    /// <summary>Category and city ordinals by rank (<see cref="Facets(int, int)"/>), indexes into <see cref="CategoryValues"/> and <see cref="CityValues"/>.</summary>
    public long[] FacetsByRank { get; }

    public string[] CategoryValues { get; }

    public string[] CityValues { get; }

    /// <summary>Bytes of the arrays: four numbers a document, the block counts and the facet names.</summary>
    public long Bytes => MaxDoc * 24L + (_blockCounts?.Length ?? 0) * 4L + CategoryValues.Sum(v => 40L + v.Length * 2) + CityValues.Sum(v => 40L + v.Length * 2);

    /// <summary>
    /// The segment's live documents by rank, one bit each: asked for every match, so kept in rank order, small and read
    /// in order, once per set of deletes (<see cref="SearchCaches.LiveByRank"/>).
    /// </summary>
    public ulong[] LiveByRank(IBits liveDocs)
    {
        var bits = new ulong[(MaxDoc + 63) >> 6];
        for (var rank = 0; rank < MaxDoc; rank++)
        {
            if (liveDocs.Get(DocOfRank[rank])) bits[rank >> 6] |= 1UL << rank;
        }
        return bits;
    }

    /// <summary>Whether the rank's document is live, on <see cref="LiveByRank"/> (null: all are).</summary>
    public static bool IsLive(ulong[]? live, int rank) => live is null || (live[rank >> 6] & (1UL << rank)) != 0;

    /// <summary>The first rank whose start is at or after <paramref name="ticks"/>.</summary>
    public int FirstAtOrAfter(long ticks)
    {
        int low = 0, high = StartsByRank.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (StartsByRank[mid] < ticks) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The ranks starting within the inclusive bounds, as [First, End).</summary>
    public (int First, int End) Window(long fromTicks, long toTicks) =>
        (FirstAtOrAfter(fromTicks), toTicks == long.MaxValue ? MaxDoc : FirstAtOrAfter(toTicks + 1));

    private static (int[] Ordinals, string[] Values) Ordinals(AtomicReader reader, string field, int[] docOfRank)
    {
        var ordinals = new int[docOfRank.Length];
        var values = reader.GetSortedDocValues(field);
        if (values is null)
        {
            Array.Fill(ordinals, -1);
            return (ordinals, []);
        }
        for (var rank = 0; rank < ordinals.Length; rank++) ordinals[rank] = values.GetOrd(docOfRank[rank]);
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
