using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The sets of a segment's frequent words, decoded once when the segment opens (the index's warmer builds them with its
/// columns): the words in one document in 32 or more, which a <see cref="RankSet"/> keeps as a bitset anyway. They are
/// the costly ones to decode (a category or a city in the text: hundreds of thousands of postings, milliseconds, on a
/// search that types one for the first time) and few (a bitset each of one bit per document: 5 MB per 300,000
/// documents for this catalog's words). Rarer words are decoded at their first search and kept in the <see cref="MatchCache"/>.
/// </summary>
public sealed class FrequentTerms
{
    /// <summary>Below this a word is cheap to decode whatever its share of a small segment.</summary>
    public const int MinDocs = 128;

    /// <summary>The fields words are searched in.</summary>
    private static readonly string[] Fields = [SearchFields.Text, SearchFields.Title];

    private static readonly ConditionalWeakTable<object, FrequentTerms> Cache = new();

    private readonly Dictionary<string, Dictionary<BytesRef, RankSet>> _byField = new(StringComparer.Ordinal);

    private FrequentTerms(AtomicReader segment, SegmentColumns columns)
    {
        using var scratch = new RankSet.Builder(columns);
        foreach (var field in Fields)
        {
            var sets = new Dictionary<BytesRef, RankSet>();
            var terms = segment.GetTerms(field)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                if (!IsFrequent(terms.DocFreq, columns.MaxDoc)) continue;
                var set = RankSet.OfTerm(terms, scratch, leads: false);
                sets[BytesRef.DeepCopyOf(terms.Term)] = set;
                Bytes += set.Bytes;
            }
            _byField[field] = sets;
        }
    }

    /// <summary>Bytes the sets hold.</summary>
    public long Bytes { get; }

    public static FrequentTerms For(AtomicReader segment) =>
        Cache.GetValue(segment.CoreCacheKey, _ => new FrequentTerms(segment, SegmentColumns.For(segment)));

    public static bool IsFrequent(int docFreq, int maxDoc) => docFreq >= MinDocs && RankSet.DenseFor(docFreq, maxDoc, leads: false);

    /// <summary>The term's set when it is frequent in the segment; null otherwise.</summary>
    public RankSet? Find(string field, BytesRef term) =>
        _byField.TryGetValue(field, out var sets) && sets.TryGetValue(term, out var set) ? set : null;
}
