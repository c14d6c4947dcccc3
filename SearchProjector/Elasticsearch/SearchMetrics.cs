using System.Diagnostics.Metrics;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>What the Elasticsearch writer counts, on the meter <see cref="MeterName"/>.</summary>
public static class SearchMetrics
{
    public const string MeterName = "TicketMaster.Search";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Writes refused because the index already held that event (or checkpoint) at an equal or newer version: replays, not failures.</summary>
    public static readonly Counter<long> VersionConflicts = Meter.CreateCounter<long>(
        "ticketmaster.search.version_conflicts", description: "Bulk items Elasticsearch refused with 409: it already held an equal or newer version.");

    /// <summary>Bulk requests or items sent again after a 429 or a 5xx.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "ticketmaster.search.bulk_retries", description: "Bulk requests sent again after Elasticsearch answered 429 or 5xx.");
}
