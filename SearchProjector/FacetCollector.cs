using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Counts the values of single-valued doc-values fields over every hit: per segment by ordinal (an
/// array increment per hit), turned into strings once per segment.
/// </summary>
public sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, int>[] _totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedDocValues?[] _values = new SortedDocValues?[fields.Length];
    private readonly int[][] _counts = new int[fields.Length][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var f = 0; f < fields.Length; f++)
        {
            var values = context.AtomicReader.GetSortedDocValues(fields[f]);
            _values[f] = values;
            _counts[f] = new int[values?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _values.Length; f++)
        {
            var ord = _values[f]?.GetOrd(doc) ?? -1;
            if (ord >= 0) _counts[f][ord]++;
        }
    }

    /// <summary>The counts of one field, most frequent first, then by value.</summary>
    public IReadOnlyDictionary<string, int> Counts(int field)
    {
        Flush();
        return _totals[field]
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null) continue;
            var counts = _counts[f];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[f][key] = _totals[f].GetValueOrDefault(key) + counts[ord];
                counts[ord] = 0;
            }
        }
    }
}
