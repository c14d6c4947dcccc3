using Lucene.Net.Index;
using Lucene.Net.Search;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// A typed word's fuzzy neighbours (docs/api.md) are the ones Lucene's <see cref="FuzzyQuery"/> picks, whether they are
/// found by scanning a segment's words (at most <see cref="SearchCaches.MaxVocabularyWords"/>) or by walking a larger
/// dictionary with a Levenshtein automaton.
/// </summary>
public sealed class FuzzyNeighbourTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>, IDisposable
{
    private readonly SegmentedDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Words of five letters beginning with q, <see cref="SearchCaches.MaxVocabularyWords"/> and more: too many to scan.</summary>
    private static readonly string[] Many = [.. Enumerable.Range(0, SearchCaches.MaxVocabularyWords + 1000).Select(i => "q" + string.Concat(Enumerable.Range(0, 4).Select(d => (char)('a' + i / (int)Math.Pow(26, d) % 26))))];

    /// <summary>
    /// The generated catalog in three segments, with words beyond ASCII and a family of 52 words one edit apart; the first
    /// segment's descriptions also hold <see cref="Many"/>.
    /// </summary>
    private DirectoryReader Index()
    {
        var documents = data.Documents.Take(1200).ToList();
        for (var i = 0; i < 100; i++)
        {
            documents[i] = documents[i] with { Description = string.Join(' ', Many.Skip(i * Many.Length / 100).Take(Many.Length / 100 + 1)) };
        }
        documents.Add(documents[0] with { EventId = "unicode", Name = "東京 Ensemble Ωmega Straße", Performers = ["Kraftwérk", "Sigur Rós"] });
        documents.Add(documents[0] with { EventId = "family", Name = string.Join(' ', Enumerable.Range(0, 26).SelectMany(i => new[] { $"katx{(char)('a' + i)}", $"kat{(char)('a' + i)}y" })) });
        return _directory.Write(documents.Chunk(500));
    }

    private static string[] Lucene(IndexReader reader, string field, string word)
    {
        var edits = TextQuery.MaxEdits(word.Length);
        if (edits == 0) return [];
        var terms = new HashSet<Term>();
        new FuzzyQuery(new Term(field, word), edits).Rewrite(reader).ExtractTerms(terms);
        return [.. terms.Select(t => t.Text).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Typos(string word)
    {
        yield return word;
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            yield return word[..i] + "x" + word[(i + 1)..];
            yield return word.Insert(i, "e");
            if (i + 1 < word.Length) yield return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
        }
    }

    [Fact]
    public void Scanning_few_words_and_walking_many_with_the_automaton_find_the_neighbours_Lucene_finds()
    {
        using var reader = Index();
        var caches = new SearchCaches();
        Assert.True(reader.Leaves.Count >= 3);
        // The first segment's text is walked with the automaton; every other field and segment is scanned.
        Assert.Null(caches.Vocabulary(reader.Leaves[0].AtomicReader, SearchFields.Text));
        Assert.NotNull(caches.Vocabulary(reader.Leaves[0].AtomicReader, SearchFields.Title));
        Assert.All(reader.Leaves.Skip(1), l => Assert.NotNull(caches.Vocabulary(l.AtomicReader, SearchFields.Text)));
        var words = new[] { "katxy", "strasse", "kraftwerk", "東京", "ωmega", "rós", "ros", Many[7], Many[^3] }
            .Concat(data.Documents.Take(12).SelectMany(d => SearchAnalyzer.Terms(SearchAnalyzer.Create(), SearchFields.Text, d.Name)))
            .Distinct()
            .SelectMany(Typos)
            .Distinct()
            .ToList();
        foreach (var word in words)
        {
            var expansion = WordExpansions.For(reader, word, caches);
            Assert.Equal(Lucene(reader, SearchFields.Text, word), expansion.FuzzyText.Select(t => t.Utf8ToString()));
            Assert.Equal(Lucene(reader, SearchFields.Title, word), expansion.FuzzyTitle.Select(t => t.Utf8ToString()));
        }
        Assert.True(words.Count > 150, $"{words.Count} words");
        // The walked segment gave neighbours too: a typo of one of its words finds it.
        Assert.Contains(Many[7], WordExpansions.For(reader, "x" + Many[7][1..], caches).FuzzyText.Select(t => t.Utf8ToString()));
    }

    [Fact]
    public void A_word_with_more_than_fifty_neighbours_keeps_the_closest_fifty_ties_by_term()
    {
        using var reader = Index();
        var expansion = WordExpansions.For(reader, "katxy", new SearchCaches());
        Assert.Equal(WordExpansions.MaxNeighbours, expansion.FuzzyTitle.Length);
        Assert.Equal(Lucene(reader, SearchFields.Title, "katxy"), expansion.FuzzyTitle.Select(t => t.Utf8ToString()));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abcd", "abdc", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("東京", "京東", 1)]
    [InlineData("same", "same", 0)]
    public void Edit_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Within(EditDistance.CodePoints(a), EditDistance.CodePoints(b), 5));
        // Bounded at one edit: anything more is reported as two.
        Assert.Equal(Math.Min(distance, 2), EditDistance.Within(EditDistance.CodePoints(a), EditDistance.CodePoints(b), 1));
    }
}
