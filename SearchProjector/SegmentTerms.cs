using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// One segment's term sets for one search: a frequent word's from <see cref="PrebuiltTermSets"/>, the others from the
/// <see cref="MatchCache"/>, or decoded. A word's first search may decode dozens of rare neighbours per segment, so the
/// decoding reuses what it can: one terms enum per field (a word's neighbours come in order, and a seek near the last
/// one is short), one postings enum and one segment-wide bitset.
/// </summary>
public sealed class SegmentTerms(AtomicReader segment, SearchCaches caches) : IDisposable
{
    private readonly Dictionary<string, TermsEnum?> _enums = new(StringComparer.Ordinal);
    private readonly MatchCache _cache = caches.Matches;
    private RankSet.Builder? _scratch;
    private PrebuiltTermSets? _prebuilt;

    public SegmentColumns Columns { get; } = caches.Columns(segment);

    /// <summary>The documents holding <paramref name="term"/> in <paramref name="field"/>, cached under <paramref name="key"/> (by default the field and term).</summary>
    /// <param name="withFacets">
    /// Whether a sorted set keeps each rank's facets beside it (<see cref="RankSet.Facets"/>): a keyword's set is walked
    /// by intersections on its own, a word's exact set only joins the word's matches. Prebuilt sets have none, so a
    /// keyword decodes its own.
    /// </param>
    public RankSet Set(string field, BytesRef term, bool withFacets = false, string? key = null) => (withFacets ? null : Prebuilt.Find(field, term)) ?? _cache.GetOrAdd(
        segment.CoreCacheKey,
        key ?? Key(field, term),
        () => Enum(field) is { } terms && terms.SeekExact(term) ? Decode(terms, withFacets) : RankSet.Empty,
        static s => s.Bytes);

    /// <summary>
    /// Adds the documents holding <paramref name="term"/> in <paramref name="field"/> to a word's set. A term's own set is
    /// kept only from its second use, as Lucene's query cache keeps a filter only once it recurs: a word's neighbours are
    /// mostly needed by that word alone, whose matches are cached whole, and decoding them straight into its set costs a
    /// third of building, sizing and keeping a set for each. The typos of one name share neighbours, and keep them.
    /// </summary>
    public void AddTo(RankSet.Builder into, string field, BytesRef term)
    {
        if (Known(field, term, out var key, out var askedBefore) is { } set) into.Add(set);
        else if (Enum(field) is { } terms && terms.SeekExact(term)) AddCurrent(into, terms, key, askedBefore);
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
            if (Known(field, terms.Term, out var key, out var askedBefore) is { } set) into.Add(set);
            else AddCurrent(into, terms, key, askedBefore);
        }
        while (terms.MoveNext());
    }

    /// <summary>A value built from this segment's terms (a word's matches), from the cache or built and cached.</summary>
    public T Cached<T>(string key, Func<T> build, Func<T, long> bytes) where T : class =>
        _cache.GetOrAdd(segment.CoreCacheKey, key, build, bytes);

    /// <summary>The term's set when it is prebuilt or kept; else its cache key, and whether it was asked for before.</summary>
    private RankSet? Known(string field, BytesRef term, out string key, out bool askedBefore)
    {
        key = "";
        askedBefore = false;
        if (Prebuilt.Find(field, term) is { } prebuilt) return prebuilt;
        key = Key(field, term);
        return _cache.Get(segment.CoreCacheKey, key, out askedBefore) as RankSet;
    }

    private void AddCurrent(RankSet.Builder into, TermsEnum terms, string key, bool askedBefore)
    {
        if (askedBefore)
        {
            var set = Decode(terms, withFacets: false);
            into.Add(_cache.Add(segment.CoreCacheKey, key, set, set.Bytes));
            return;
        }
        into.AddCurrent(terms);
        _cache.Note(segment.CoreCacheKey, key);
    }

    private PrebuiltTermSets Prebuilt => _prebuilt ??= caches.Prebuilt(segment);

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
    private RankSet Decode(TermsEnum terms, bool withFacets) => RankSet.OfTerm(terms, _scratch ??= new RankSet.Builder(Columns), withFacets);

    public void Dispose() => _scratch?.Dispose();
}
