using Lucene.Net.Analysis;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Typed text as the words a search must match: every word must match, each as the exact word, a prefix of one, or a
/// word a few edits away (docs/api.md: "tayl swft"). The same rules for every engine.
/// </summary>
public static class TextQuery
{
    /// <summary>Words taken from one search: enough for any real search, and a bound on the work a long text can ask for.</summary>
    public const int MaxTerms = 32;

    /// <summary>The distinct analysed words of <paramref name="text"/>, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Words(Analyzer analyzer, string text) =>
        SearchAnalyzer.Terms(analyzer, SearchFields.Text, text).Distinct().Take(MaxTerms).ToList();

    /// <summary>Elasticsearch's "AUTO" fuzziness: short words tolerate fewer typos or everything matches everything.</summary>
    public static int MaxEdits(int length) => length switch
    {
        < 3 => 0,
        < 6 => 1,
        _ => 2,
    };
}
