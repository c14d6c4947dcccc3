using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// One segment's term sets for one search: a frequent word's from <see cref="FrequentTerms"/>, the others from the
/// <see cref="MatchCache"/>, or decoded. A word's first search may decode dozens of rare neighbours per segment, so the
/// decoding reuses what it can: one terms enum per field (a word's neighbours come in order, and a seek near the last
/// one is short), one postings enum and one segment-wide bitset.
/// </summary>
public sealed class SegmentTerms(AtomicReader segment, SegmentColumns columns, MatchCache cache) : IDisposable
{
    private readonly Dictionary<string, TermsEnum?> _enums = new(StringComparer.Ordinal);
    private RankSet.Builder? _scratch;
    private FrequentTerms? _frequent;

    public SegmentColumns Columns => columns;

    /// <summary>The documents holding <paramref name="term"/> in <paramref name="field"/>, cached under <paramref name="key"/> (by default the field and term).</summary>
    /// <param name="leads">Whether the set may lead an intersection on its own (a keyword), or only joins a word's.</param>
    public RankSet Set(string field, BytesRef term, bool leads = false, string? key = null) => (leads ? null : Frequent.Find(field, term)) ?? cache.GetOrAdd(
        segment.CoreCacheKey,
        key ?? Key(field, term),
        () => Enum(field) is { } terms && terms.SeekExact(term) ? Decode(terms, leads) : RankSet.Empty,
        static s => s.Bytes);

    /// <summary>
    /// Adds the documents holding <paramref name="term"/> in <paramref name="field"/> to a word's set. A term's own set is
    /// kept only from its second use, as Lucene's query cache keeps a filter only once it recurs: a word's neighbours are
    /// mostly needed by that word alone, whose matches are cached whole, and decoding them straight into its set costs a
    /// third of building, sizing and keeping a set for each. The typos of one name share neighbours, and keep them.
    /// </summary>
    public void AddTo(RankSet.Builder into, string field, BytesRef term)
    {
        if (Known(field, term, out var key, out var seenBefore) is { } set) into.Add(set);
        else if (Enum(field) is { } terms && terms.SeekExact(term)) AddCurrent(into, terms, key, seenBefore);
    }

    /// <summary>
    /// Adds the documents of every term of <paramref name="field"/> that begins with <paramref name="prefix"/>, each as
    /// <see cref="AddTo"/> adds one: a word typed letter by letter, and a typo whose neighbour the prefix also reaches,
    /// reuse their sets.
    /// </summary>
    public void AddPrefixed(RankSet.Builder into, string field, BytesRef prefix)
    {
        if (Enum(field) is not { } terms || terms.SeekCeil(prefix) == TermsEnum.SeekStatus.END) return;
        do
        {
            if (!StringHelper.StartsWith(terms.Term, prefix)) return;
            if (Known(field, terms.Term, out var key, out var seenBefore) is { } set) into.Add(set);
            else AddCurrent(into, terms, key, seenBefore);
        }
        while (terms.MoveNext());
    }

    /// <summary>A value built from this segment's terms (a word's matches), from the cache or built and cached.</summary>
    public T Cached<T>(string key, Func<T> build, Func<T, long> bytes) where T : class =>
        cache.GetOrAdd(segment.CoreCacheKey, key, build, bytes);

    /// <summary>The term's set when it is frequent or kept; else its cache key, and whether it was seen once before.</summary>
    private RankSet? Known(string field, BytesRef term, out string key, out bool seenBefore)
    {
        key = "";
        seenBefore = false;
        if (Frequent.Find(field, term) is { } frequent) return frequent;
        key = Key(field, term);
        return cache.Get(segment.CoreCacheKey, key, out seenBefore) as RankSet;
    }

    private void AddCurrent(RankSet.Builder into, TermsEnum terms, string key, bool seenBefore)
    {
        if (seenBefore)
        {
            var set = Decode(terms, leads: false);
            into.Add(cache.Add(segment.CoreCacheKey, key, set, set.Bytes));
            return;
        }
        into.AddCurrent(terms);
        cache.Note(segment.CoreCacheKey, key);
    }

    private FrequentTerms Frequent => _frequent ??= FrequentTerms.For(segment);

    private static string Key(string field, BytesRef term) => "t\0" + field + "\0" + term.Utf8ToString();

    private TermsEnum? Enum(string field)
    {
        if (!_enums.TryGetValue(field, out var terms))
        {
            terms = segment.GetTerms(field)?.GetEnumerator();
            _enums[field] = terms;
        }
        return terms;
    }

    /// <summary>The documents of the term <paramref name="terms"/> stands on.</summary>
    private RankSet Decode(TermsEnum terms, bool leads) => RankSet.OfTerm(terms, _scratch ??= new RankSet.Builder(columns), leads);

    public void Dispose() => _scratch?.Dispose();
}
