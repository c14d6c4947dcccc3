namespace TicketMaster.Grains.Events;

/// <summary>
/// Picks seats for "n in this section": front rows first, all in one row and adjacent where
/// possible, and never leaving a lone empty seat beside the group when another placement exists
/// (a single seat between taken ones is one nobody can buy with a friend).
/// </summary>
public static class BestAvailable
{
    /// <summary>Ordinals of the chosen seats, or null when the section has fewer than <paramref name="quantity"/> free.</summary>
    public static int[]? Pick(SectionLayout section, Func<int, bool> isFree, int quantity)
    {
        var rows = section.Definition.Rows;
        var perRow = section.Definition.SeatsPerRow;
        int[]? fallback = null;

        for (var row = 1; row <= rows; row++)
        {
            var rowStart = section.Ordinal(row, 1);
            var number = 0;
            while (number < perRow)
            {
                if (!isFree(rowStart + number)) { number++; continue; }
                var runStart = number;
                while (number < perRow && isFree(rowStart + number)) number++;
                var runLength = number - runStart;
                if (runLength < quantity) continue;

                // Flush against either end of the run: the only placements that leave at most one gap.
                var spare = runLength - quantity;
                if (spare != 1) return Range(rowStart + runStart, quantity);
                fallback ??= Range(rowStart + runStart, quantity);
            }
        }
        return fallback ?? Scatter(section, isFree, quantity);
    }

    /// <summary>No row has room for the group: fill the longest runs first, front to back.</summary>
    private static int[]? Scatter(SectionLayout section, Func<int, bool> isFree, int quantity)
    {
        var runs = new List<(int Start, int Length)>();
        var total = 0;
        for (var row = 1; row <= section.Definition.Rows; row++)
        {
            var rowStart = section.Ordinal(row, 1);
            var number = 0;
            while (number < section.Definition.SeatsPerRow)
            {
                if (!isFree(rowStart + number)) { number++; continue; }
                var start = number;
                while (number < section.Definition.SeatsPerRow && isFree(rowStart + number)) number++;
                runs.Add((rowStart + start, number - start));
                total += number - start;
            }
        }
        if (total < quantity) return null;

        var picked = new List<int>(quantity);
        foreach (var (start, length) in runs.OrderByDescending(r => r.Length).ThenBy(r => r.Start))
        {
            for (var i = 0; i < length && picked.Count < quantity; i++) picked.Add(start + i);
            if (picked.Count == quantity) break;
        }
        picked.Sort();
        return [.. picked];
    }

    private static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();
}
