using Lucene.Net.Index;
using Lucene.Net.Store;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>Documents written straight into an in-memory Lucene directory, one commit a segment: for tests below the index.</summary>
public sealed class SegmentedDirectory : IDisposable
{
    private readonly RAMDirectory _directory = new();

    /// <summary>Writes each group of documents as a segment of its own and opens a reader over all.</summary>
    public DirectoryReader Write(IEnumerable<IEnumerable<SearchDocument>> segments)
    {
        using (var writer = Writer())
        {
            foreach (var segment in segments)
            {
                foreach (var document in segment) writer.AddDocument(SearchFields.ToLucene(document));
                writer.Commit();
            }
        }
        return DirectoryReader.Open(_directory);
    }

    /// <summary>Merges every segment into one and opens a reader over it.</summary>
    public DirectoryReader MergeAll()
    {
        using (var writer = Writer()) writer.ForceMerge(1);
        return DirectoryReader.Open(_directory);
    }

    public void Dispose() => _directory.Dispose();

    private IndexWriter Writer() => new(_directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Create()));
}
