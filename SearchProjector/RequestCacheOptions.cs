namespace TicketMaster.SearchProjector;

/// <summary>Configuration section <c>Search:RequestCache</c>.</summary>
public sealed class RequestCacheOptions
{
    public const string Section = SearchOptions.Section + ":RequestCache";

    /// <summary>Estimated bytes of answers kept; least recently used go first. 0 turns the cache off.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long an answer without <c>from</c> is reused when its engine does not say when its first match starts
    /// (<see cref="SearchResults.StableUntil"/>): its window starts at "now", which moves even when the index does not.
    /// </summary>
    public TimeSpan UpcomingMaxAge { get; set; } = TimeSpan.FromSeconds(1);
}
