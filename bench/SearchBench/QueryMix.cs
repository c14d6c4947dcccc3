using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// What people type into a ticket site, drawn from the catalog itself: names with typos or cut
/// short, a city or a category picked from a facet, a date range, the next page.
/// </summary>
public static class QueryMix
{
    public const string Text = "text (typos, prefixes)";
    public const string TextAndFilter = "text + filter";
    public const string Filter = "filters, by date";
    public const string DateRange = "date range + page 2-5";

    public static List<BenchQuery> Make(IReadOnlyList<SearchDocument> documents, DateTimeOffset now, int count, int seed)
    {
        var random = new Random(seed);
        var fixedTexts = new[] { "tayl swft", "metalica", "coldpaly", "beyonce", "foo fightrs", "kendrik lamar", "iron maden", "ed sheer" };
        var queries = new List<BenchQuery>(count);
        while (queries.Count < count)
        {
            var document = documents[random.Next(documents.Count)];
            var performer = document.Performers[random.Next(document.Performers.Count)];
            var query = (queries.Count % 8) switch
            {
                0 => new BenchQuery(Text, new SearchQuery { Text = fixedTexts[random.Next(fixedTexts.Length)] }),
                1 => new BenchQuery(Text, new SearchQuery { Text = Typo(random, performer) }),
                2 => new BenchQuery(Text, new SearchQuery { Text = Prefixes(performer) }),
                3 => new BenchQuery(TextAndFilter, new SearchQuery { Text = Typo(random, performer), City = document.City }),
                4 => new BenchQuery(TextAndFilter, new SearchQuery { Text = document.Category, City = document.City }),
                5 => new BenchQuery(Filter, new SearchQuery { City = document.City, Category = random.Next(2) == 0 ? document.Category : null }),
                6 => new BenchQuery(Filter, new SearchQuery { Performer = performer }),
                _ => new BenchQuery(DateRange, new SearchQuery
                {
                    From = now.AddDays(random.Next(0, 600)),
                    To = now.AddDays(random.Next(600, 730)),
                    Category = random.Next(3) == 0 ? document.Category : null,
                    Page = random.Next(2, 6),
                }),
            };
            queries.Add(query);
        }
        return queries;
    }

    /// <summary>One letter dropped from the longest word, the commonest typo.</summary>
    public static string Typo(Random random, string text)
    {
        var words = text.Split(' ');
        var longest = words.Select((w, i) => (w, i)).MaxBy(x => x.w.Length);
        if (longest.w.Length >= 5)
        {
            var at = random.Next(1, longest.w.Length - 1);
            words[longest.i] = longest.w.Remove(at, 1);
        }
        return string.Join(' ', words);
    }

    /// <summary>Every word cut to its first four letters, as if still typing.</summary>
    private static string Prefixes(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Length > 4 ? w[..4] : w));
}
