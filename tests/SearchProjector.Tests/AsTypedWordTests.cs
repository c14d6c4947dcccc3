using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// A word in at least <see cref="WordExpansions.AsTypedFromDocs"/> documents is taken as typed; a rarer or absent one
/// still forgives typos (docs/api.md). At the real threshold: that many events named "Jazz Night".
/// </summary>
public sealed class AsTypedWordTests : IDisposable
{
    private static readonly DateTimeOffset Now = GeneratedDocuments.Now;
    private const int Jazz = WordExpansions.AsTypedFromDocs;
    private readonly LuceneSearchIndex _index = new(new FakeTimeProvider(Now));

    public AsTypedWordTests()
    {
        for (var i = 0; i < Jazz; i++) _index.Apply(Document("jazz" + i, "Jazz Night " + i, "concert"));
        // Each other event in a category of its own, so the facets say which of them matched.
        _index.Apply(Document("jazs", "Jazs Brass Evening", "jazs"));
        _index.Apply(Document("jazzy", "Jazzy Sunday", "jazzy"));
        _index.Refresh();
    }

    public void Dispose() => _index.Dispose();

    private static SearchDocument Document(string id, string name, string category) =>
        new(id, 1, name, "An evening.", category, Now.AddDays(3), ["Someone"], "v1", "Lyric Hall", "Vienna",
            20m, "EUR", Availability.Available, ["p1"]);

    /// <summary>How many events match, and how many of them are "Jazz Night"s; which others do.</summary>
    private (int Total, int JazzNights, string Others) Search(string text)
    {
        var found = _index.Search(new SearchQuery { Text = text, From = Now });
        var categories = found.Facets.Category;
        return (found.Total, categories.GetValueOrDefault("concert"), string.Join(' ', categories.Keys.Where(c => c != "concert").Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_word_in_that_many_documents_is_taken_as_typed_without_its_fuzzy_or_prefix_neighbours()
    {
        Assert.Equal((Jazz, Jazz, ""), Search("jazz"));
    }

    [Fact]
    public void A_rare_exact_word_still_finds_its_fuzzy_neighbours()
    {
        Assert.Equal((Jazz + 1, Jazz, "jazs"), Search("jazs"));
    }

    [Fact]
    public void A_typo_of_a_word_taken_as_typed_still_finds_its_events()
    {
        Assert.Equal((Jazz + 1, Jazz, "jazs"), Search("jazx"));
    }
}
