namespace TicketMaster.SearchProjector;

/// <summary>
/// What one typed word matches in one segment, in three sets of ranks: <see cref="Any"/> (every alternative: a document
/// must be here to match), <see cref="Exact"/> (the word as typed) and <see cref="Title"/> (any alternative in the name
/// or the performers), which order matches by relevance (<see cref="Quality"/>).
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

    /// <summary>How well a matching document matches the word: a near word in the text 1, in the title 2; the exact word 3, in the title 4.</summary>
    public int Quality(int rank) => 1 + (Exact.Contains(rank) ? 2 : 0) + (Title.Contains(rank) ? 1 : 0);

    /// <param name="terms">The segment's term sets, from the caches: typos of one name share most of their neighbours.</param>
    public static WordMatches Build(SegmentTerms terms, WordExpansion word)
    {
        using var builder = new RankSet.Builder(terms.Columns);
        var exact = terms.Set(SearchFields.Text, word.Term);

        builder.Add(terms.Set(SearchFields.Title, word.Term));
        if (!word.AsTyped)
        {
            foreach (var near in word.FuzzyTitle) terms.AddTo(builder, SearchFields.Title, near);
            if (word.ExpandsPrefix) terms.AddPrefixed(builder, SearchFields.Title, word.Term);
        }
        var inTitle = builder.Build(withFacets: false);

        if (word.AsTyped) return new WordMatches(Union(builder, exact, inTitle), exact, inTitle);
        builder.Clear();
        builder.Add(exact);
        builder.Add(inTitle);
        foreach (var near in word.FuzzyText) terms.AddTo(builder, SearchFields.Text, near);
        if (word.ExpandsPrefix) terms.AddPrefixed(builder, SearchFields.Text, word.Term);
        return new WordMatches(builder.Build(withFacets: true), exact, inTitle);
    }

    private static RankSet Union(RankSet.Builder builder, RankSet a, RankSet b)
    {
        // A word taken as typed: its title matches are text matches too (the text holds the title), so this is usually a itself.
        if (b.Count == 0 || (a.Count >= b.Count && IsSubset(b, a))) return a;
        builder.Clear();
        builder.Add(a);
        builder.Add(b);
        return builder.Build(withFacets: true);
    }

    private static bool IsSubset(RankSet small, RankSet large)
    {
        if (small.IsBitset)
        {
            if (!large.IsBitset) return false;
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
}
