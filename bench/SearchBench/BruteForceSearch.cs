using Lucene.Net.Analysis;
using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The baseline: no index, a linear scan over documents kept in memory, with the same matching
/// rules as the Lucene index (every word as exact, prefix or within a few edits; the same filters,
/// facets, sort and paging). Words are split once up front, which is the most a scan gets for free.
/// </summary>
public sealed class BruteForceSearch
{
    private readonly Entry[] _entries;
    private readonly Analyzer _analyzer = SearchAnalyzer.Create();
    private readonly TimeProvider _time;

    public BruteForceSearch(IEnumerable<SearchDocument> documents, TimeProvider time)
    {
        _time = time;
        _entries = documents.Select(d => new Entry(
            d,
            SearchAnalyzer.Terms(_analyzer, SearchFields.Text, string.Join(' ', [d.Name, .. d.Performers, d.Venue, d.City, d.Category, d.Description])).Distinct().ToArray(),
            SearchAnalyzer.Terms(_analyzer, SearchFields.Title, string.Join(' ', [d.Name, .. d.Performers])).ToHashSet(),
            SearchFields.Key(d.City),
            SearchFields.Key(d.Category),
            [.. d.Performers.Select(SearchFields.Key), .. d.PerformerIds.Select(SearchFields.Key)],
            [SearchFields.Key(d.Venue), SearchFields.Key(d.VenueId)])).ToArray();
    }

    public int Count => _entries.Length;

    public SearchResults Search(SearchQuery query)
    {
        var terms = query.HasText ? TextQuery.Words(_analyzer, query.Text!) : [];
        var from = query.From ?? _time.GetUtcNow();
        var city = Key(query.City);
        var category = Key(query.Category);
        var performer = Key(query.Performer);
        var venue = Key(query.Venue);

        var hits = new List<(Entry Entry, double Score)>();
        foreach (var entry in _entries)
        {
            var d = entry.Document;
            if (d.StartsAt < from || (query.To is { } to && d.StartsAt > to)) continue;
            if (city is not null && entry.City != city) continue;
            if (category is not null && entry.Category != category) continue;
            if (performer is not null && !entry.Performers.Contains(performer)) continue;
            if (venue is not null && !entry.Venues.Contains(venue)) continue;
            if (query.HasText && terms.Count == 0) continue;
            var score = 0.0;
            var matched = true;
            foreach (var term in terms)
            {
                var termScore = Score(entry, term);
                if (termScore == 0) { matched = false; break; }
                score += termScore;
            }
            if (matched) hits.Add((entry, score));
        }

        var ordered = query.EffectiveSort == SearchSort.Relevance
            ? hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Document.StartsAt).ThenBy(h => h.Entry.Document.EventId, StringComparer.Ordinal)
            : hits.OrderBy(h => h.Entry.Document.StartsAt).ThenBy(h => h.Entry.Document.EventId, StringComparer.Ordinal);
        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(h => h.Entry.Document).ToList();
        var facets = new SearchFacets(Counts(hits, d => d.Category), Counts(hits, d => d.City));
        return new SearchResults(hits.Count, page, pageSize, items, facets);
    }

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : SearchFields.Key(value);

    private static double Score(Entry entry, string term)
    {
        var best = entry.Title.Contains(term) ? 6.0 : 0.0;
        var edits = TextQuery.MaxEdits(term.Length);
        foreach (var token in entry.Tokens)
        {
            if (token == term) return best + 4;
            if (term.Length >= 2 && token.StartsWith(term, StringComparison.Ordinal)) best = Math.Max(best, 2);
            else if (best < 1 && edits > 0 && WithinEdits(token, term, edits)) best = 1;
        }
        return best;
    }

    /// <summary>Levenshtein distance at most <paramref name="max"/>, giving up as soon as a row exceeds it.</summary>
    private static bool WithinEdits(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return false;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max) return false;
            current.CopyTo(previous);
        }
        return previous[b.Length] <= max;
    }

    private static Dictionary<string, int> Counts(List<(Entry Entry, double Score)> hits, Func<SearchDocument, string> key) =>
        hits.GroupBy(h => key(h.Entry.Document)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    private sealed record Entry(
        SearchDocument Document,
        string[] Tokens,
        HashSet<string> Title,
        string City,
        string Category,
        string[] Performers,
        string[] Venues);
}
