using Elastic.Clients.Elasticsearch;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>How the Elasticsearch index writes; the defaults are the service's, tests shorten the waits.</summary>
public sealed record ElasticsearchIndexOptions
{
    /// <summary>Names the template and indices (<see cref="EventIndexTemplate"/>).</summary>
    public string IndexPrefix { get; init; } = "ticketmaster-search";

    /// <summary>Tries of one bulk request (the first included) while Elasticsearch answers 429 or 5xx.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The wait before the second try; it doubles with each further try, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Null: written documents become searchable at the index's next refresh (about a second). <see cref="Refresh.WaitFor"/>
    /// makes each write wait for it, for tests that search right after writing.
    /// </summary>
    public Refresh? Refresh { get; init; }

    /// <summary>The wait before try number <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));
}
