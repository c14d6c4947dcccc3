using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// What one typed word may match (docs/api.md): the exact word, a word it begins (two letters or more), or a word a
/// few edits away, in the text or, ranked higher, the title. The fuzzy neighbours are the 50 closest of the whole index
/// (Lucene's <see cref="FuzzyQuery"/> picks them), so they are chosen once per reader and reused: walking the dictionary
/// with Levenshtein automata costs about as much as a search. A word whose exact form is in at least
/// <see cref="CommonWordDocs"/> documents is not expanded: it is no typo, and its neighbours would only add matches.
/// </summary>
public sealed class WordExpansions(int commonWordDocs = WordExpansions.DefaultCommonWordDocs)
{
    /// <summary>The document frequency from which an exact word is taken as typed: 1% of a 1,000,000-event catalog.</summary>
    public const int DefaultCommonWordDocs = 10_000;

    /// <summary>Distinct words kept per reader before starting over: bounds memory against a flood of random text.</summary>
    public const int MaxWordsPerReader = 20_000;

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
        expansion = new WordExpansion(word, common, common ? [] : Fuzzy(reader, SearchFields.Text, word, edits), common ? [] : Fuzzy(reader, SearchFields.Title, word, edits));
        words.TryAdd(word, expansion);
        return expansion;
    }

    private static BytesRef[] Fuzzy(IndexReader reader, string field, string word, int edits)
    {
        if (edits == 0) return [];
        var terms = new HashSet<Term>();
        new FuzzyQuery(new Term(field, word), edits).Rewrite(reader).ExtractTerms(terms);
        return [.. terms.Select(t => t.Bytes).OrderBy(t => t.Utf8ToString(), StringComparer.Ordinal)];
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
