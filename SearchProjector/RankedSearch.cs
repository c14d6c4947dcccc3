using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Runs a <see cref="SearchPlan"/> over a reader, segment by segment, in rank space (<see cref="SegmentColumns"/>): the
/// start-time window is a range of ranks, each keyword and each word a cached set of ranks (<see cref="MatchCache"/>),
/// and the matches are their intersection within the range, walked in date order. Every match is counted (the total
/// and both facets stay exact); by date, the first matches of each segment are the page's candidates; by relevance,
/// each match is scored from its words' qualities and the best kept. Segments are then merged by score, start and event id.
/// <para>
/// A match's score is the sum over its words of the word's weight times its quality (<see cref="WordMatches.Quality"/>): an
/// exact word above a near one, a word in the name or performers above one in the description, and a rare word
/// (fewer matches in the index) weighing more than a common one. Equal scores go by date, then event id.
/// </para>
/// </summary>
public static class RankedSearch
{
    private const int Buffer = 512;

    public static SearchResultsPage Run(IndexReader reader, SearchPlan plan, SearchCaches caches)
    {
        var segments = new Segment?[reader.Leaves.Count];
        try
        {
            return Run(reader, plan, caches, segments);
        }
        finally
        {
            // The segments' scratch (a pooled bitset each) goes back once every set the search needs is built.
            foreach (var segment in segments) segment?.Terms.Dispose();
        }
    }

    private static SearchResultsPage Run(IndexReader reader, SearchPlan plan, SearchCaches caches, Segment?[] segments)
    {
        var leaves = reader.Leaves;
        var words = plan.Words;
        var window = (int)Math.Clamp(plan.Start + plan.PageSize, 1, Math.Max(1, reader.MaxDoc));
        var wanted = plan.Start < window;

        // Words first, on every segment with events in the window: a word's weight comes from all its matches.
        var wordMatches = new long[words.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            var atomic = leaves[i].AtomicReader;
            var (first, end) = caches.Columns(atomic).Window(plan.FromTicks, plan.ToTicks);
            if (first >= end) continue;
            var terms = new SegmentTerms(atomic, caches);
            var matches = new WordMatches[words.Count];
            for (var w = 0; w < words.Count; w++)
            {
                var word = words[w];
                matches[w] = terms.Cached(word.Key, () => WordMatches.Build(terms, word), static m => m.Bytes);
                wordMatches[w] += matches[w].Any.Count;
            }
            segments[i] = new Segment(leaves[i], terms, first, end, matches);
        }
        var weights = new float[words.Count];
        for (var w = 0; w < weights.Length; w++) weights[w] = (float)(1 + Math.Log(1 + (double)reader.NumDocs / (1 + wordMatches[w])));

        var facets = new Facets();
        var candidates = new List<Candidate>();
        var buffer = new int[Buffer];
        var facetBuffer = new long[Buffer];
        var total = 0;
        var firstStart = long.MaxValue;
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is not { } segment) continue;
            var sets = new List<RankSet>(plan.Keys.Count + words.Count);
            foreach (var key in plan.Keys) sets.Add(segment.Terms.Set(key.Field, new BytesRef(key.Value), withFacets: true, key.CacheKey));
            foreach (var matches in segment.Words) sets.Add(matches.Any);
            if (sets.Any(s => s.Count == 0)) continue;

            var intersection = new RankIntersection(segment.Columns, sets, segment.First, segment.End);
            var live = caches.LiveByRank(segment.Leaf.AtomicReader);
            var found = words.Count == 0 && segment.Columns.CountsByBlock && plan.Keys.All(k => k.Field is SearchFields.CityKey or SearchFields.CategoryKey)
                ? CountByBlock(segment, live, plan.Keys, intersection, wanted ? window : 0, facets, buffer, facetBuffer)
                : Scan(segment, live, intersection, plan.ByRelevance ? weights : null, wanted ? window : 0, facets, buffer, facetBuffer);
            total += found.Count;
            if (found.Count > 0) firstStart = Math.Min(firstStart, segment.Columns.StartsByRank[found.FirstRank]);
            foreach (var (rank, score) in found.Top) candidates.Add(new Candidate(score, segment.Columns.StartsByRank[rank], i, rank));
        }

        var from = (int)Math.Min(plan.Start, candidates.Count);
        var page = Ordered(candidates, from, Math.Min(from + plan.PageSize, candidates.Count), segments)
            .Select(c => segments[c.Segment]!.Leaf.DocBase + segments[c.Segment]!.Columns.DocOfRank[c.Rank]).ToList();
        return new SearchResultsPage(total, page, facets.Result(), firstStart);
    }

    /// <summary>Counts every live match into the facets and keeps the best <paramref name="keep"/>: by score when weighted, else the first.</summary>
    /// <param name="live">The segment's live documents by rank (<see cref="SearchCaches.LiveByRank"/>).</param>
    private static Found Scan(Segment segment, ulong[]? live, RankIntersection matches, float[]? weights, int keep, Facets facets, int[] buffer, long[] facetBuffer)
    {
        var columns = segment.Columns;
        // Ordinal + 1, so "none" (0) needs no test.
        var categoryCounts = new int[columns.CategoryValues.Length + 1];
        var cityCounts = new int[columns.CityValues.Length + 1];
        var words = segment.Words;
        var count = 0;
        var firstRank = -1;
        var first = new List<(int, float)>(keep == 0 ? 0 : Math.Min(keep, 1024));
        // Worst first: the lowest score, and among equal scores the latest rank, which any later match ties or loses to.
        var best = weights is null || keep == 0 ? null : new PriorityQueue<int, (float Score, int Rank)>(Math.Min(keep, 1024), WorstFirst.Instance);

        for (var n = matches.Fill(buffer, facetBuffer); n > 0; n = matches.Fill(buffer, facetBuffer))
        {
            for (var i = 0; i < n; i++)
            {
                var rank = buffer[i];
                if (!SegmentColumns.IsLive(live, rank)) continue;
                if (count++ == 0) firstRank = rank;
                var packed = facetBuffer[i];
                categoryCounts[(int)(packed >> 32)]++;
                cityCounts[(int)(uint)packed]++;
                if (best is null)
                {
                    if (first.Count < keep) first.Add((rank, 0f));
                    continue;
                }
                var score = 0f;
                for (var w = 0; w < words.Length; w++) score += weights![w] * words[w].Quality(rank);
                if (best.Count < keep) best.Enqueue(rank, (score, rank));
                else if (best.TryPeek(out _, out var worst) && score > worst.Score) best.EnqueueDequeue(rank, (score, rank));
            }
        }
        facets.Add(categoryCounts, columns.CategoryValues, cityCounts, columns.CityValues);
        if (best is not null)
        {
            while (best.TryDequeue(out var rank, out var key)) first.Add((rank, key.Score));
        }
        return new Found(count, firstRank, first);
    }

    /// <summary>
    /// A search by date with at most a city and a category: counted from the segment's block counts
    /// (<see cref="SegmentColumns.CountWindow"/>) without visiting the matches, then only the first <paramref name="keep"/> walked.
    /// </summary>
    private static Found CountByBlock(Segment segment, ulong[]? live, IReadOnlyList<SearchKey> keys, RankIntersection matches, int keep, Facets facets, int[] buffer, long[] facetBuffer)
    {
        var columns = segment.Columns;
        bool[]? categories = null, cities = null;
        foreach (var key in keys)
        {
            if (key.Field == SearchFields.CategoryKey) categories = SegmentColumns.OrdinalsOf(columns.CategoryValues, key.Value);
            else cities = SegmentColumns.OrdinalsOf(columns.CityValues, key.Value);
        }
        var categoryCounts = new int[columns.CategoryValues.Length + 1];
        var cityCounts = new int[columns.CityValues.Length + 1];
        var count = columns.CountWindow(segment.First, segment.End, categories, cities, live, categoryCounts, cityCounts);
        facets.Add(categoryCounts, columns.CategoryValues, cityCounts, columns.CityValues);

        var firstRank = -1;
        var first = new List<(int, float)>(Math.Min(keep, 1024));
        if (count == 0) return new Found(0, -1, first);
        for (var n = matches.Fill(buffer, facetBuffer); n > 0 && (firstRank < 0 || first.Count < keep); n = matches.Fill(buffer, facetBuffer))
        {
            for (var i = 0; i < n && (firstRank < 0 || first.Count < keep); i++)
            {
                var rank = buffer[i];
                if (!SegmentColumns.IsLive(live, rank)) continue;
                if (firstRank < 0) firstRank = rank;
                if (first.Count < keep) first.Add((rank, 0f));
            }
        }
        return new Found(count, firstRank, first);
    }

    private sealed record Segment(AtomicReaderContext Leaf, SegmentTerms Terms, int First, int End, WordMatches[] Words)
    {
        public SegmentColumns Columns => Terms.Columns;
    }

    private readonly record struct Found(int Count, int FirstRank, List<(int Rank, float Score)> Top);

    /// <summary>A match that may make the page: <paramref name="Segment"/> indexes the search's segments.</summary>
    private readonly record struct Candidate(float Score, long Starts, int Segment, int Rank);

    /// <summary>
    /// The candidates of positions [<paramref name="from"/>, <paramref name="to"/>) in the answer's order: best score
    /// first, then the earliest start, then the event id. A segment's ranks are already in start-then-id order, so the
    /// candidates are sorted without ids, and only a run of equal score and start that spans segments and overlaps the
    /// page has its ids read from the doc values and is ordered by them (reading every candidate's id cost a search by
    /// date a third of its time).
    /// </summary>
    private static List<Candidate> Ordered(List<Candidate> candidates, int from, int to, Segment?[] segments)
    {
        candidates.Sort(static (a, b) =>
            a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : a.Starts != b.Starts ? a.Starts.CompareTo(b.Starts)
            : a.Segment != b.Segment ? a.Segment.CompareTo(b.Segment)
            : a.Rank.CompareTo(b.Rank));
        static bool Tie(Candidate a, Candidate b) => a.Score == b.Score && a.Starts == b.Starts;
        for (var at = from; at < to;)
        {
            var first = at;
            while (first > 0 && Tie(candidates[first - 1], candidates[at])) first--;
            var end = at + 1;
            while (end < candidates.Count && Tie(candidates[end], candidates[at])) end++;
            if (candidates[first].Segment != candidates[end - 1].Segment)
            {
                var run = candidates.GetRange(first, end - first).Select(c => (Id: Id(c, segments), Candidate: c)).ToList();
                run.Sort(static (a, b) => a.Id.CompareTo(b.Id));
                for (var i = 0; i < run.Count; i++) candidates[first + i] = run[i].Candidate;
            }
            at = end;
        }
        return candidates.GetRange(from, to - from);
    }

    private static BytesRef Id(Candidate candidate, Segment?[] segments)
    {
        var segment = segments[candidate.Segment]!;
        var id = new BytesRef();
        segment.Leaf.AtomicReader.GetSortedDocValues(SearchFields.IdSort)?.Get(segment.Columns.DocOfRank[candidate.Rank], id);
        return id;
    }

    private sealed class WorstFirst : IComparer<(float Score, int Rank)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Rank) x, (float Score, int Rank) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Rank.CompareTo(x.Rank);
    }

    /// <summary>Category and city counts by name over every segment; most frequent first, then by name.</summary>
    private sealed class Facets
    {
        private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _cities = new(StringComparer.Ordinal);

        public void Add(int[] categoryCounts, string[] categoryValues, int[] cityCounts, string[] cityValues)
        {
            Add(_categories, categoryCounts, categoryValues);
            Add(_cities, cityCounts, cityValues);
        }

        public SearchFacets Result() => new(Ordered(_categories), Ordered(_cities));

        private static void Add(Dictionary<string, int> totals, int[] counts, string[] values)
        {
            // counts[0] is "none"; counts[ord + 1] is values[ord].
            for (var ord = 0; ord < values.Length; ord++)
            {
                if (counts[ord + 1] > 0) totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord + 1];
            }
        }

        private static Dictionary<string, int> Ordered(Dictionary<string, int> totals) => totals
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
