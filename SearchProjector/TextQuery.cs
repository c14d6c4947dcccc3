using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Typed text to a query that forgives typos and unfinished words: every term must match, each
/// as the exact word, a prefix of one, or a word a few edits away (docs/api.md: "tayl swft").
/// </summary>
public static class TextQuery
{
    /// <summary>Far below Lucene's 1,024-clause limit, so no typed text can make a query fail.</summary>
    public const int MaxTerms = 32;

    /// <param name="expand">A word's alternatives, when they come from somewhere else than <see cref="Alternatives"/> (a cache); null builds them.</param>
    public static Query? Build(Analyzer analyzer, string text, Func<string, Query>? expand = null)
    {
        var terms = SearchAnalyzer.Terms(analyzer, SearchFields.Text, text);
        if (terms.Count == 0) return null;

        var query = new BooleanQuery();
        foreach (var term in terms.Distinct().Take(MaxTerms))
        {
            query.Add(expand is null ? Alternatives(term) : expand(term), Occur.MUST);
        }
        return query;
    }

    /// <summary>One word taken as typed: in the text or, ranked higher, in the title.</summary>
    public static BooleanQuery Exact(string term) => new()
    {
        { new TermQuery(new Term(SearchFields.Text, term)) { Boost = 4f }, Occur.SHOULD },
        { new TermQuery(new Term(SearchFields.Title, term)) { Boost = 6f }, Occur.SHOULD },
    };

    /// <summary>One typed word: the exact word, a word it begins, or a word a few edits away.</summary>
    public static Query Alternatives(string term)
    {
        var alternatives = Exact(term);
        // Very short prefixes expand to half the dictionary and say little; one letter is not a word being typed.
        if (term.Length >= 2)
        {
            alternatives.Add(new PrefixQuery(new Term(SearchFields.Text, term)) { Boost = 2f }, Occur.SHOULD);
        }
        var edits = MaxEdits(term.Length);
        if (edits > 0)
        {
            alternatives.Add(new FuzzyQuery(new Term(SearchFields.Text, term), edits), Occur.SHOULD);
            alternatives.Add(new FuzzyQuery(new Term(SearchFields.Title, term), edits) { Boost = 1.5f }, Occur.SHOULD);
        }
        return alternatives;
    }

    /// <summary>Elasticsearch's "AUTO" fuzziness: short words tolerate fewer typos or everything matches everything.</summary>
    public static int MaxEdits(int length) => length switch
    {
        < 3 => 0,
        < 6 => 1,
        _ => 2,
    };
}
