using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace TicketMaster.SearchProjector;

/// <summary>
/// What one typed word may match (docs/api.md): the exact word, a word it begins (two letters or more), or a word a
/// few edits away, in the text or, ranked higher, the title. The fuzzy neighbours are the 50 closest of the whole index,
/// the ones Lucene's <see cref="FuzzyQuery"/> picks, chosen once per reader and reused. A word whose exact form is in at least
/// <see cref="CommonWordDocs"/> documents is not expanded: it is no typo, and its neighbours would only add matches.
/// </summary>
/// <param name="scanVocabularies">Whether segments with few words find neighbours by scanning them (<see cref="SegmentVocabulary"/>); off, always by automaton.</param>
public sealed class WordExpansions(int commonWordDocs = WordExpansions.DefaultCommonWordDocs, bool scanVocabularies = true)
{
    private readonly bool _scanVocabularies = scanVocabularies;

    /// <summary>The document frequency from which an exact word is taken as typed: 1% of a 1,000,000-event catalog.</summary>
    public const int DefaultCommonWordDocs = 10_000;

    /// <summary>Distinct words kept per reader before starting over: bounds memory against a flood of random text.</summary>
    public const int MaxWordsPerReader = 20_000;

    /// <summary>Neighbours kept per word and field: <see cref="FuzzyQuery"/>'s default, and Elasticsearch's.</summary>
    public const int MaxNeighbours = 50;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, WordExpansion>> _byReader = new();

    /// <summary>From how many documents holding the exact word on it is searched exactly; <see cref="int.MaxValue"/> always expands.</summary>
    public int CommonWordDocs { get; } = commonWordDocs;

    public WordExpansion For(IndexReader reader, string word)
    {
        var words = _byReader.GetValue(reader, static _ => new ConcurrentDictionary<string, WordExpansion>(StringComparer.Ordinal));
        if (words.TryGetValue(word, out var expansion)) return expansion;
        if (words.Count >= MaxWordsPerReader) words.Clear();
        var common = reader.DocFreq(new Term(SearchFields.Text, word)) >= CommonWordDocs;
        var edits = common ? 0 : TextQuery.MaxEdits(word.Length);
        if (edits == 0)
        {
            expansion = new WordExpansion(word, common, [], []);
        }
        else
        {
            var automaton = new Lazy<CompiledAutomaton>(() => new CompiledAutomaton(new LevenshteinAutomata(word, withTranspositions: true).ToAutomaton(edits)));
            var points = EditDistance.CodePoints(word);
            expansion = new WordExpansion(word, common, Fuzzy(reader, SearchFields.Text, points, edits, automaton), Fuzzy(reader, SearchFields.Title, points, edits, automaton));
        }
        words.TryAdd(word, expansion);
        return expansion;
    }

    /// <summary>
    /// The <see cref="MaxNeighbours"/> words of <paramref name="field"/> closest to <paramref name="word"/>, as Lucene's
    /// <see cref="FuzzyQuery"/> picks them (similarity 1 - edits / the shorter length, above 0; ties by term). A segment's
    /// words are scanned when there are few (<see cref="SegmentVocabulary"/>), else walked with one Levenshtein automaton
    /// compiled for every segment and both fields (the query compiles three per segment and field).
    /// </summary>
    private BytesRef[] Fuzzy(IndexReader reader, string field, int[] word, int edits, Lazy<CompiledAutomaton> automaton)
    {
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        void Found(string term, int distance)
        {
            var similarity = 1 - (float)distance / Math.Min(EditDistance.CodePoints(term).Length, word.Length);
            if (similarity > 0) found[term] = similarity;
        }
        foreach (var leaf in reader.Leaves)
        {
            if (_scanVocabularies && SegmentVocabulary.For(leaf.AtomicReader, field) is { } vocabulary)
            {
                foreach (var (term, distance) in vocabulary.Within(word, edits))
                {
                    if (!found.ContainsKey(term)) Found(term, distance);
                }
                continue;
            }
            if (leaf.AtomicReader.GetTerms(field) is not { } terms) continue;
            var near = automaton.Value.GetTermsEnum(terms);
            while (near.MoveNext())
            {
                var term = near.Term.Utf8ToString();
                if (!found.ContainsKey(term)) Found(term, EditDistance.Within(EditDistance.CodePoints(term), word, edits));
            }
        }
        return [.. found
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(MaxNeighbours)
            .Select(t => t.Key)
            .Order(StringComparer.Ordinal)
            .Select(t => new BytesRef(t))];
    }
}

/// <summary>One typed word and what it may match; <see cref="Key"/> names it in the <see cref="MatchCache"/>.</summary>
public sealed class WordExpansion
{
    public WordExpansion(string word, bool common, BytesRef[] fuzzyText, BytesRef[] fuzzyTitle)
    {
        Word = word;
        Bytes = new BytesRef(word);
        Common = common;
        FuzzyText = fuzzyText;
        FuzzyTitle = fuzzyTitle;
        // The neighbours belong in the key: a new segment can change which 50 are the closest.
        Key = common
            ? "w\0" + word
            : string.Join('\0', ["w+", word, .. fuzzyText.Select(t => t.Utf8ToString()), "", .. fuzzyTitle.Select(t => t.Utf8ToString())]);
    }

    public string Word { get; }

    public BytesRef Bytes { get; }

    /// <summary>Searched exactly: in so many documents that it is no typo.</summary>
    public bool Common { get; }

    /// <summary>Words in the text a few edits away.</summary>
    public BytesRef[] FuzzyText { get; }

    /// <summary>Words in the title a few edits away.</summary>
    public BytesRef[] FuzzyTitle { get; }

    public string Key { get; }

    /// <summary>Prefixes of one letter expand to half the dictionary and say little.</summary>
    public bool ExpandsPrefix => !Common && Word.Length >= 2;
}
