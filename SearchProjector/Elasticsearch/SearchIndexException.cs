namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>Elasticsearch refused or could not take a request; the projector retries at its next tick.</summary>
public sealed class SearchIndexException : Exception, ITransientFailure
{
    public SearchIndexException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
