namespace TicketMaster.SearchProjector;

/// <summary><c>Search:Engine</c>: where the read index lives.</summary>
public enum SearchEngine
{
    /// <summary>Lucene.Net inside each frontend: no network hop, each frontend its own replica.</summary>
    Lucene,

    /// <summary>One Elasticsearch index for every frontend, at <c>ConnectionStrings:Elasticsearch</c>.</summary>
    Elasticsearch,
}
