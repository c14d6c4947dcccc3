using System.Numerics;
using Lucene.Net.Index;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The words of one field of one segment, as code points grouped by length, when there are at most
/// <see cref="SearchCaches.MaxVocabularyWords"/> of them (a catalog's names, places and descriptions use a few thousand). A typed word's
/// fuzzy neighbours are then found by computing the edit distance to the words of a near length: microseconds, where
/// compiling a Levenshtein automaton for two edits costs a few milliseconds per word. A larger dictionary is walked
/// with the automaton (<see cref="WordExpansions"/>). Built once per segment and field, which never change, and kept
/// for the segment (<see cref="SearchCaches.Vocabulary"/>).
/// </summary>
public sealed class SegmentVocabulary
{
    private readonly string[] _terms;
    private readonly int[] _points;

    /// <summary>Each term's letters as bits (<see cref="Letters"/>), to pass over most words without computing a distance.</summary>
    private readonly ulong[] _letters;

    /// <summary>Term i's code points are <c>_points[_starts[i].._starts[i + 1]]</c>.</summary>
    private readonly int[] _starts;

    /// <summary>The first term of each length in code points (terms are ordered by length).</summary>
    private readonly int[] _firstOfLength;

    private SegmentVocabulary(string[] terms, int[] points, int[] starts, int[] firstOfLength)
    {
        _terms = terms;
        _points = points;
        _starts = starts;
        _firstOfLength = firstOfLength;
        _letters = new ulong[terms.Length];
        for (var i = 0; i < terms.Length; i++) _letters[i] = Letters(points.AsSpan(starts[i], starts[i + 1] - starts[i]));
    }

    /// <summary>Bytes of the words, their code points and the tables over them.</summary>
    public long Bytes => _terms.Sum(t => 32L + t.Length * 2) + _points.Length * 4L + _letters.Length * 8L + _starts.Length * 4L + _firstOfLength.Length * 4L;

    /// <summary>Every word at most <paramref name="edits"/> edits from <paramref name="word"/>, with its distance (<see cref="EditDistance"/>).</summary>
    public IEnumerable<(string Term, int Distance)> Within(int[] word, int edits)
    {
        var from = Math.Max(0, word.Length - edits);
        var to = Math.Min(_firstOfLength.Length - 2, word.Length + edits);
        if (from > to) yield break;
        var letters = Letters(word);
        for (var i = _firstOfLength[from]; i < _firstOfLength[to + 1]; i++)
        {
            if (LettersApart(letters, _letters[i]) > edits) continue;
            var distance = EditDistance.Within(_points.AsSpan(_starts[i], _starts[i + 1] - _starts[i]), word, edits);
            if (distance <= edits) yield return (_terms[i], distance);
        }
    }

    /// <summary>
    /// A word's letters as a set of 64 bits, by code point modulo 64: two letters sharing a bit make the test above
    /// pass more words, never fewer.
    /// </summary>
    private static ulong Letters(ReadOnlySpan<int> points)
    {
        var letters = 0UL;
        foreach (var point in points) letters |= 1UL << point;
        return letters;
    }

    /// <summary>
    /// At least how many edits apart two words are, from their letters: each letter one has and the other lacks takes an
    /// edit of its own (a substitution serves one from each side, a swap none), so most words are passed over without
    /// computing their distance.
    /// </summary>
    private static int LettersApart(ulong a, ulong b) => Math.Max(BitOperations.PopCount(a & ~b), BitOperations.PopCount(b & ~a));

    /// <summary>The field's words in the segment, or null when there are more than <see cref="SearchCaches.MaxVocabularyWords"/> to scan.</summary>
    public static SegmentVocabulary? Read(AtomicReader segment, string field)
    {
        var terms = segment.GetTerms(field);
        if (terms is null) return new SegmentVocabulary([], [], [0], [0]);
        if (terms.Count > SearchCaches.MaxVocabularyWords) return null;
        var words = new List<(string Term, int[] Points)>();
        var enumerator = terms.GetEnumerator();
        while (enumerator.MoveNext())
        {
            if (words.Count == SearchCaches.MaxVocabularyWords) return null;
            var term = enumerator.Term.Utf8ToString();
            words.Add((term, EditDistance.CodePoints(term)));
        }
        // Stable: within a length, the dictionary's order.
        var byLength = words.OrderBy(w => w.Points.Length).ToList();
        var longest = byLength.Count == 0 ? 0 : byLength[^1].Points.Length;
        var firstOfLength = new int[longest + 2];
        var starts = new int[byLength.Count + 1];
        var points = new int[byLength.Sum(w => w.Points.Length)];
        var length = 0;
        for (var i = 0; i < byLength.Count; i++)
        {
            while (length < byLength[i].Points.Length) firstOfLength[++length] = i;
            byLength[i].Points.CopyTo(points, starts[i]);
            starts[i + 1] = starts[i] + byLength[i].Points.Length;
        }
        while (length <= longest) firstOfLength[++length] = byLength.Count;
        return new SegmentVocabulary([.. byLength.Select(w => w.Term)], points, starts, firstOfLength);
    }
}
