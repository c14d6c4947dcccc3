using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Each typed word's alternatives (<see cref="TextQuery.Alternatives"/>) rewritten once per reader
/// and reused: building the Levenshtein automata of a fuzzy term and walking the dictionary with them
/// costs about as much as running the query on a small index, and gives the same answer until the
/// reader changes. Entries belong to the reader they were rewritten against (their term statistics
/// do), so a refreshed reader starts an empty set and the old one goes with its reader.
/// A word whose exact form is in at least <see cref="CommonWordDocs"/> documents is not expanded: it is
/// no typo, and its fuzzy and prefix neighbours would only add matches to score (docs/api.md).
/// </summary>
public sealed class TermExpansions(int commonWordDocs = TermExpansions.DefaultCommonWordDocs)
{
    /// <summary>The document frequency from which an exact word is taken as typed: 1% of a 1,000,000-event catalog.</summary>
    public const int DefaultCommonWordDocs = 10_000;

    /// <summary>From how many documents holding the exact word on it is searched exactly; <see cref="int.MaxValue"/> always expands.</summary>
    public int CommonWordDocs { get; } = commonWordDocs;

    /// <summary>Distinct words kept per reader before starting over: bounds memory against a flood of random text.</summary>
    public const int MaxWordsPerReader = 20_000;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, Query>> _byReader = new();

    public Query For(IndexSearcher searcher, string term)
    {
        var words = _byReader.GetValue(searcher.IndexReader, static _ => new ConcurrentDictionary<string, Query>(StringComparer.Ordinal));
        if (words.TryGetValue(term, out var rewritten)) return rewritten;
        if (words.Count >= MaxWordsPerReader) words.Clear();
        var common = searcher.IndexReader.DocFreq(new Term(SearchFields.Text, term)) >= CommonWordDocs;
        rewritten = searcher.Rewrite(common ? TextQuery.Exact(term) : TextQuery.Alternatives(term));
        words.TryAdd(term, rewritten);
        return rewritten;
    }
}
