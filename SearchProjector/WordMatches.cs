using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// What one typed word matches in one segment, in three sets of ranks: <see cref="Any"/> (every alternative: a document
/// must be here to match), <see cref="Exact"/> (the word as typed) and <see cref="Title"/> (any alternative in the name
/// or the performers), which rank a match (<see cref="Tier"/>).
/// </summary>
public sealed class WordMatches
{
    private WordMatches(RankSet any, RankSet exact, RankSet title)
    {
        Any = any;
        Exact = exact;
        Title = title;
    }

    public RankSet Any { get; }

    public RankSet Exact { get; }

    public RankSet Title { get; }

    public long Bytes => Any.Bytes + Exact.Bytes + Title.Bytes;

    /// <summary>How well a matching document matches: a near word in the text 1, in the title 2; the exact word 3, in the title 4.</summary>
    public int Tier(int rank) => 1 + (Exact.Contains(rank) ? 2 : 0) + (Title.Contains(rank) ? 1 : 0);

    /// <param name="term">One term's documents in this segment, from a cache: typos of one name share most of their neighbours.</param>
    public static WordMatches Build(AtomicReader segment, SegmentColumns columns, WordExpansion word, Func<string, BytesRef, RankSet> term)
    {
        using var builder = new RankSet.Builder(columns);
        var exact = term(SearchFields.Text, word.Bytes);

        var title = segment.GetTerms(SearchFields.Title)?.GetEnumerator();
        builder.Add(term(SearchFields.Title, word.Bytes));
        if (title is not null && !word.Common)
        {
            foreach (var near in word.FuzzyTitle) builder.Add(term(SearchFields.Title, near));
            if (word.ExpandsPrefix) AddPrefixed(builder, title, word.Bytes);
        }
        var inTitle = builder.Build(leads: false);

        if (word.Common) return new WordMatches(Union(builder, exact, inTitle), exact, inTitle);
        builder.Clear();
        builder.Add(exact);
        builder.Add(inTitle);
        foreach (var near in word.FuzzyText) builder.Add(term(SearchFields.Text, near));
        if (word.ExpandsPrefix && segment.GetTerms(SearchFields.Text)?.GetEnumerator() is { } text) AddPrefixed(builder, text, word.Bytes);
        return new WordMatches(builder.Build(leads: true), exact, inTitle);
    }

    /// <summary>The documents holding one term in one field of the segment.</summary>
    /// <param name="leads">Whether the set may lead an intersection on its own (a keyword), or only joins a word's.</param>
    public static RankSet TermSet(AtomicReader segment, SegmentColumns columns, string field, BytesRef term, bool leads)
    {
        var terms = segment.GetTerms(field)?.GetEnumerator();
        return terms is not null && terms.SeekExact(term) ? RankSet.OfTerm(terms, columns, leads) : RankSet.Empty;
    }

    private static RankSet Union(RankSet.Builder builder, RankSet a, RankSet b)
    {
        // A common word's title matches are text matches too (the text holds the title), so this is usually a itself.
        if (b.Count == 0 || (a.Count >= b.Count && IsSubset(b, a))) return a;
        builder.Clear();
        builder.Add(a);
        builder.Add(b);
        return builder.Build(leads: true);
    }

    private static bool IsSubset(RankSet small, RankSet large)
    {
        if (small.IsDense)
        {
            if (!large.IsDense) return false;
            for (var w = 0; w < small.Bits.Length; w++)
            {
                if ((small.Bits[w] & ~large.Bits[w]) != 0) return false;
            }
            return true;
        }
        foreach (var rank in small.Ranks)
        {
            if (!large.Contains(rank)) return false;
        }
        return true;
    }

    private static void AddPrefixed(RankSet.Builder builder, TermsEnum terms, BytesRef prefix)
    {
        if (terms.SeekCeil(prefix) == TermsEnum.SeekStatus.END) return;
        do
        {
            if (!StringHelper.StartsWith(terms.Term, prefix)) return;
            builder.AddCurrent(terms);
        }
        while (terms.MoveNext());
    }
}
