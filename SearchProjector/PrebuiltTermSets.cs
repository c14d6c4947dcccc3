using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The sets of a segment's frequent words, decoded once when the segment opens (the index's warmer builds them with its
/// columns, <see cref="SegmentWarmer"/>): every word in at least <see cref="SearchCaches.PrebuiltFromDocs"/> of its
/// documents, each in the smaller of its forms (<see cref="RankSet"/>). Decoding postings is what a word's first search
/// spends its time on (some 50 ns a posting, and a typo's neighbours, a prefix's words and a city's name in the text reach
/// hundreds of thousands), and these words hold nearly all of a segment's postings, so a first search only unions sets.
/// They cost at most 4 bytes a posting (a bitset when one bit per document is less): 50 MB for this catalog's million
/// events. Rarer words are decoded at their first search, in microseconds, and kept in the <see cref="MatchCache"/>.
/// </summary>
public sealed class PrebuiltTermSets
{
    /// <summary>The fields words are searched in.</summary>
    private static readonly string[] Fields = [SearchFields.Text, SearchFields.Title];

    private readonly Dictionary<string, Dictionary<BytesRef, RankSet>> _byField = new(StringComparer.Ordinal);

    public PrebuiltTermSets(AtomicReader segment, SegmentColumns columns)
    {
        using var scratch = new RankSet.Builder(columns);
        foreach (var field in Fields)
        {
            var sets = new Dictionary<BytesRef, RankSet>();
            var terms = segment.GetTerms(field)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                if (!IsPrebuilt(terms.DocFreq)) continue;
                var set = RankSet.OfTerm(terms, scratch, withFacets: false);
                sets[BytesRef.DeepCopyOf(terms.Term)] = set;
                Bytes += set.Bytes + 32 + terms.Term.Length;
            }
            _byField[field] = sets;
        }
    }

    /// <summary>Bytes the sets and their words hold.</summary>
    public long Bytes { get; }

    public static bool IsPrebuilt(int docFreq) => docFreq >= SearchCaches.PrebuiltFromDocs;

    /// <summary>The term's set when it is frequent in the segment; null otherwise.</summary>
    public RankSet? Find(string field, BytesRef term) =>
        _byField.TryGetValue(field, out var sets) && sets.TryGetValue(term, out var set) ? set : null;
}
