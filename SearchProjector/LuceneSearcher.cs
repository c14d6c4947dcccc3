using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The query side of the Lucene index: a query's words and their alternatives, its plan, the search in rank space
/// (<see cref="RankedSearch"/>) and the page's documents, each showing the availability held now, all on one reader and
/// through the index's caches (<see cref="SearchCaches"/>).
/// </summary>
public sealed class LuceneSearcher(Analyzer analyzer, SearchCaches caches, AvailabilityTable availability, TimeProvider time)
{
    public SearchResults Search(IndexSearcher searcher, SearchQuery query)
    {
        var reader = searcher.IndexReader;
        var words = query.HasText ? TextQuery.Words(analyzer, query.Text!).Select(w => WordExpansions.For(reader, w, caches)).ToList() : [];
        var plan = SearchPlan.For(query, time.GetUtcNow(), words);
        var found = RankedSearch.Run(reader, plan, caches);
        var items = new List<SearchDocument>(found.Docs.Count);
        foreach (var doc in found.Docs) items.Add(availability.Current(Document(reader, doc)));
        return new SearchResults(found.Total, query.EffectivePage, plan.PageSize, items, found.Facets)
        {
            StableUntil = found.FirstStartTicks == long.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(found.FirstStartTicks, TimeSpan.Zero),
        };
    }

    private SearchDocument Document(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return caches.Documents.GetOrRead(leaf.AtomicReader.CoreCacheKey, doc - leaf.DocBase, () => SearchFields.FromLucene(reader, doc));
    }
}
