using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The query sets Lucene and PostgreSQL are compared on, each asked of both with the same number of
/// clients: the words exactly as the catalog spells them (a performer, half of them with a city), the
/// same with a letter dropped (typos), keyword filters by date, and a date window at page 2 to 5.
/// </summary>
public static class LikeForLike
{
    public const string Words = "exact words (+ city on half)";
    public const string Typos = "typos";
    public const string Filters = "filters, by date";
    public const string DateRange = "date range + page 2-5";

    public static List<(string Set, PostgresSearch.TextMode Mode, List<SearchQuery> Queries)> Sets(IReadOnlyList<SearchDocument> documents, DateTimeOffset now, int perSet, int seed)
    {
        var random = new Random(seed);
        List<SearchQuery> Make(Func<SearchDocument, string, int, SearchQuery> make) => [.. Enumerable.Range(0, perSet).Select(i =>
        {
            var d = documents[random.Next(documents.Count)];
            return make(d, d.Performers[random.Next(d.Performers.Count)], i);
        })];
        return
        [
            (Words, PostgresSearch.TextMode.Words, Make((d, p, i) => new SearchQuery { Text = p, City = i % 2 == 0 ? d.City : null })),
            (Typos, PostgresSearch.TextMode.Typos, Make((_, p, _) => new SearchQuery { Text = QueryMix.Typo(random, p) })),
            (Filters, PostgresSearch.TextMode.Words, Make((d, p, i) => i % 2 == 0
                ? new SearchQuery { City = d.City, Category = i % 4 == 0 ? d.Category : null }
                : new SearchQuery { Performer = p })),
            (DateRange, PostgresSearch.TextMode.Words, Make((d, _, i) => new SearchQuery
            {
                From = now.AddDays(random.Next(0, 600)),
                To = now.AddDays(random.Next(600, 730)),
                Category = i % 3 == 0 ? d.Category : null,
                Page = random.Next(2, 6),
            })),
        ];
    }
}
