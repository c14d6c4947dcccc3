namespace TicketMaster.SearchProjector;

/// <summary>
/// Edits between two words in code points, a swap of two neighbouring letters counting as one (optimal string
/// alignment): the distance Lucene's Levenshtein automata with transpositions accept, so both ways of finding a word's
/// fuzzy neighbours find the same ones.
/// </summary>
public static class EditDistance
{
    public static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes()) points.Add(rune.Value);
        return [.. points];
    }

    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it must be more than <paramref name="max"/>.</summary>
    public static int Within(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        // Three rows of the dynamic programme: the one before last is needed for swaps.
        Span<int> rows = b.Length < 256 ? stackalloc int[3 * (b.Length + 1)] : new int[3 * (b.Length + 1)];
        var before = rows[..(b.Length + 1)];
        var last = rows.Slice(b.Length + 1, b.Length + 1);
        var row = rows[(2 * (b.Length + 1))..];
        for (var j = 0; j <= b.Length; j++) last[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            row[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                row[j] = d;
                best = Math.Min(best, d);
            }
            // Every later cell is at least the least of this row, but a swap looks two rows back: stop one row later.
            if (best > max && i > 1 && Min(last) > max) return max + 1;
            var spare = before;
            before = last;
            last = row;
            row = spare;
        }
        return Math.Min(last[b.Length], max + 1);
    }

    private static int Min(ReadOnlySpan<int> row)
    {
        var min = int.MaxValue;
        foreach (var value in row) min = Math.Min(min, value);
        return min;
    }
}
