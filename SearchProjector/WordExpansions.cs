using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace TicketMaster.SearchProjector;

/// <summary>
/// What one typed word may match (docs/api.md): the exact word, a word it begins (two letters or more), or a word a
/// few edits away, in the text or, ranked higher, the title. The fuzzy neighbours are the 50 closest of the whole index,
/// the ones Lucene's <see cref="FuzzyQuery"/> picks, chosen once per reader and kept (<see cref="SearchCaches.Expansion"/>).
/// A word whose exact form is in at least <see cref="AsTypedFromDocs"/> documents is taken as typed, not expanded: it is
/// no typo, and its neighbours would only add matches.
/// </summary>
public static class WordExpansions
{
    /// <summary>The document frequency from which an exact word is taken as typed: 1% of a 1,000,000-event catalog.</summary>
    public const int AsTypedFromDocs = 10_000;

    /// <summary>Neighbours kept per word and field: <see cref="FuzzyQuery"/>'s default, and Elasticsearch's.</summary>
    public const int MaxNeighbours = 50;

    public static WordExpansion For(IndexReader reader, string word, SearchCaches caches) =>
        caches.Expansion(reader, word, () => Expand(reader, word, caches));

    private static WordExpansion Expand(IndexReader reader, string word, SearchCaches caches)
    {
        var asTyped = reader.DocFreq(new Term(SearchFields.Text, word)) >= AsTypedFromDocs;
        var edits = asTyped ? 0 : TextQuery.MaxEdits(word.Length);
        if (edits == 0) return new WordExpansion(word, asTyped, [], []);
        var automaton = new Lazy<CompiledAutomaton>(() => new CompiledAutomaton(new LevenshteinAutomata(word, withTranspositions: true).ToAutomaton(edits)));
        var points = EditDistance.CodePoints(word);
        return new WordExpansion(word, asTyped, Fuzzy(reader, SearchFields.Text, points, edits, automaton, caches), Fuzzy(reader, SearchFields.Title, points, edits, automaton, caches));
    }

    /// <summary>
    /// The <see cref="MaxNeighbours"/> words of <paramref name="field"/> closest to <paramref name="word"/>, as Lucene's
    /// <see cref="FuzzyQuery"/> picks them (similarity 1 - edits / the shorter length, above 0; ties by term). A segment's
    /// words are scanned when there are few (<see cref="SegmentVocabulary"/>), else walked with one Levenshtein automaton
    /// compiled for every segment and both fields (the query compiles three per segment and field).
    /// </summary>
    private static BytesRef[] Fuzzy(IndexReader reader, string field, int[] word, int edits, Lazy<CompiledAutomaton> automaton, SearchCaches caches)
    {
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        void Found(string term, int distance)
        {
            var similarity = 1 - (float)distance / Math.Min(EditDistance.CodePoints(term).Length, word.Length);
            if (similarity > 0) found[term] = similarity;
        }
        foreach (var leaf in reader.Leaves)
        {
            if (caches.Vocabulary(leaf.AtomicReader, field) is { } vocabulary)
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
    public WordExpansion(string word, bool asTyped, BytesRef[] fuzzyText, BytesRef[] fuzzyTitle)
    {
        Word = word;
        Term = new BytesRef(word);
        AsTyped = asTyped;
        FuzzyText = fuzzyText;
        FuzzyTitle = fuzzyTitle;
        // The neighbours belong in the key: a new segment can change which 50 are the closest.
        Key = asTyped
            ? "w\0" + word
            : string.Join('\0', ["w+", word, .. fuzzyText.Select(t => t.Utf8ToString()), "", .. fuzzyTitle.Select(t => t.Utf8ToString())]);
    }

    public string Word { get; }

    public BytesRef Term { get; }

    /// <summary>Taken as typed, without alternatives: in so many documents that it is no typo.</summary>
    public bool AsTyped { get; }

    /// <summary>Words in the text a few edits away.</summary>
    public BytesRef[] FuzzyText { get; }

    /// <summary>Words in the title a few edits away.</summary>
    public BytesRef[] FuzzyTitle { get; }

    public string Key { get; }

    /// <summary>Bytes held for it: its key (which names every neighbour), the neighbours' bytes and the objects.</summary>
    public long EstimatedBytes => 200 + Key.Length * 2L + (FuzzyText.Length + FuzzyTitle.Length) * 40L + Word.Length * 4L;

    /// <summary>Prefixes of one letter expand to half the dictionary and say little.</summary>
    public bool ExpandsPrefix => !AsTyped && Word.Length >= 2;
}
