using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;
using TicketMaster.Hosting.Seeding;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// A few thousand generated events loaded into one index, and the same documents in a list for
/// brute-force answers to compare with. Built once per test class.
/// </summary>
public sealed class GeneratedDocuments : IDisposable
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public GeneratedDocuments()
    {
        Time = new FakeTimeProvider(Now);
        Catalog = CatalogGenerator.Generate(3000, seed: 42, Now);
        Documents = Catalog.ToSearchDocuments().ToList();
        Index = new LuceneSearchIndex(Time);
        foreach (var document in Documents) Index.Apply(document);
    }

    public FakeTimeProvider Time { get; }

    public GeneratedCatalog Catalog { get; }

    public IReadOnlyList<SearchDocument> Documents { get; }

    public LuceneSearchIndex Index { get; }

    public IEnumerable<SearchDocument> Upcoming => Documents.Where(d => d.StartsAt >= Now);

    /// <summary>Every page of a query, concatenated.</summary>
    public async Task<List<SearchDocument>> AllPages(SearchQuery query)
    {
        var all = new List<SearchDocument>();
        for (var page = 1; ; page++)
        {
            var results = await Index.SearchAsync(query with { Page = page });
            all.AddRange(results.Items);
            if (results.Items.Count < query.PageSize) return all;
        }
    }

    public void Dispose() => Index.Dispose();
}
