using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Counts the category and city of every hit, and notes the earliest start: per segment by ordinal, an array increment per hit on
/// the cached ordinals (<see cref="SegmentColumns"/>), turned into names once per segment.
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _cities = new(StringComparer.Ordinal);
    private SegmentColumns? _columns;
    private int[] _categoryCounts = [];
    private int[] _cityCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Hits counted so far.</summary>
    public int Total { get; private set; }

    /// <summary>The earliest start among the hits, in UTC ticks; long.MaxValue before the first.</summary>
    public long FirstStartTicks { get; private set; } = long.MaxValue;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => SetNextReader(SegmentColumns.For(context.AtomicReader));

    public void SetNextReader(SegmentColumns columns)
    {
        Flush();
        _columns = columns;
        _categoryCounts = new int[columns.CategoryValues.Length];
        _cityCounts = new int[columns.CityValues.Length];
    }

    public void Collect(int doc)
    {
        var columns = _columns!;
        var category = columns.Categories[doc];
        if (category >= 0) _categoryCounts[category]++;
        var city = columns.Cities[doc];
        if (city >= 0) _cityCounts[city]++;
        var starts = columns.Starts[doc];
        if (starts < FirstStartTicks) FirstStartTicks = starts;
        Total++;
    }

    public SearchFacets Facets()
    {
        Flush();
        return new SearchFacets(Ordered(_categories), Ordered(_cities));
    }

    /// <summary>Most frequent first, then by value.</summary>
    private static Dictionary<string, int> Ordered(Dictionary<string, int> totals) => totals
        .OrderByDescending(kv => kv.Value)
        .ThenBy(kv => kv.Key, StringComparer.Ordinal)
        .ToDictionary(kv => kv.Key, kv => kv.Value);

    private void Flush()
    {
        if (_columns is null) return;
        Add(_categories, _categoryCounts, _columns.CategoryValues);
        Add(_cities, _cityCounts, _columns.CityValues);
        _columns = null;
    }

    private static void Add(Dictionary<string, int> totals, int[] counts, string[] values)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0) continue;
            totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord];
        }
    }
}
