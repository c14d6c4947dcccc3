using Microsoft.Extensions.Time.Testing;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>A word in many documents is taken as typed; a rare or absent one still forgives typos (docs/api.md).</summary>
public sealed class CommonWordTests : IDisposable
{
    private static readonly DateTimeOffset Now = GeneratedDocuments.Now;
    private readonly LuceneSearchIndex _index = new(new FakeTimeProvider(Now)) { CommonWordDocs = 5 };

    public CommonWordTests()
    {
        for (var i = 0; i < 5; i++) _index.Apply(Document("jazz" + i, "Jazz Night " + i));
        _index.Apply(Document("jazs", "Jazs Brass Evening"));
        _index.Apply(Document("jazzy", "Jazzy Sunday"));
        _index.Refresh();
    }

    public void Dispose() => _index.Dispose();

    private static SearchDocument Document(string id, string name) =>
        new(id, 1, name, "An evening.", "concert", Now.AddDays(3), ["Someone"], "v1", "Lyric Hall", "Vienna",
            20m, "EUR", Availability.Available, ["p1"]);

    private List<string> Ids(string text) =>
        _index.Search(new SearchQuery { Text = text, From = Now, PageSize = 100 }).Items.Select(d => d.EventId).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_common_exact_word_does_not_pull_in_its_fuzzy_or_prefix_neighbours()
    {
        Assert.Equal(["jazz0", "jazz1", "jazz2", "jazz3", "jazz4"], Ids("jazz"));
    }

    [Fact]
    public void A_rare_exact_word_still_finds_its_fuzzy_neighbours()
    {
        Assert.Equal(["jazs", "jazz0", "jazz1", "jazz2", "jazz3", "jazz4"], Ids("jazs"));
    }

    [Fact]
    public void A_typo_of_a_common_word_still_finds_its_events()
    {
        Assert.Equal(["jazs", "jazz0", "jazz1", "jazz2", "jazz3", "jazz4"], Ids("jazx"));
    }

    [Fact]
    public void Below_the_threshold_every_word_is_expanded()
    {
        _index.CommonWordDocs = int.MaxValue;

        Assert.Equal(["jazs", "jazz0", "jazz1", "jazz2", "jazz3", "jazz4", "jazzy"], Ids("jazz"));
    }
}
