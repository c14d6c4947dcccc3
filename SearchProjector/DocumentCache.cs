using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Documents of recent pages, decoded: a stored document is decompressed from a 16 KB block per read, the largest cost of
/// a search once its matches are cached, and popular pages show the same events again and again. Keyed by segment core
/// and document, which never change. Bounded by <see cref="SearchCaches"/>.
/// </summary>
public sealed class DocumentCache(Func<long> maxBytes)
{
    private readonly LeastRecentlyUsed<(object Core, int Doc), SearchDocument> _documents = new(maxBytes);

    public long Bytes => _documents.Bytes;

    /// <summary>The segment's document <paramref name="doc"/>, decoded by <paramref name="read"/> when it is not kept.</summary>
    public SearchDocument GetOrRead(object core, int doc, Func<SearchDocument> read)
    {
        if (_documents.TryGet((core, doc), out var kept) && kept is not null) return kept;
        var document = read();
        return _documents.Add((core, doc), document, Size(document));
    }

    /// <summary>Its strings, their lists and the record, and the entry that keeps it.</summary>
    private static long Size(SearchDocument d) =>
        500 + 2L * (d.Name.Length + d.Description.Length + d.Venue.Length + d.EventId.Length + d.Performers.Sum(p => p.Length + 24) + d.PerformerIds.Sum(p => p.Length + 24));
}
