using System.Text.Json.Serialization;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>
/// One event as its Elasticsearch document (<c>_source</c>): the <see cref="SearchDocument"/> plus the
/// lower-cased keys the filters match exactly, as <see cref="SearchFields.Key"/> makes them for Lucene.
/// Field names are the mapping's (<see cref="EventIndexTemplate"/>).
/// </summary>
public sealed record IndexedEvent
{
    [JsonPropertyName("event_id")] public required string EventId { get; init; }
    [JsonPropertyName("version")] public required long Version { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("category")] public required string Category { get; init; }
    [JsonPropertyName("starts_at")] public required DateTimeOffset StartsAt { get; init; }
    [JsonPropertyName("performers")] public required IReadOnlyList<string> Performers { get; init; }
    [JsonPropertyName("performer_ids")] public required IReadOnlyList<string> PerformerIds { get; init; }
    [JsonPropertyName("venue_id")] public required string VenueId { get; init; }
    [JsonPropertyName("venue")] public required string Venue { get; init; }
    [JsonPropertyName("city")] public required string City { get; init; }
    [JsonPropertyName("min_price")] public required decimal MinPrice { get; init; }
    [JsonPropertyName("currency")] public required string Currency { get; init; }
    [JsonPropertyName("availability")] public required string Availability { get; init; }
    [JsonPropertyName("city_key")] public required string CityKey { get; init; }
    [JsonPropertyName("category_key")] public required string CategoryKey { get; init; }
    [JsonPropertyName("venue_key")] public required IReadOnlyList<string> VenueKey { get; init; }
    [JsonPropertyName("performer_key")] public required IReadOnlyList<string> PerformerKey { get; init; }

    public static IndexedEvent From(SearchDocument d) => new()
    {
        EventId = d.EventId,
        Version = d.Version,
        Name = d.Name,
        Description = d.Description,
        Category = d.Category,
        // Milliseconds are what a date field holds; the document says the same as the index.
        StartsAt = Milliseconds(d.StartsAt),
        Performers = d.Performers,
        PerformerIds = d.PerformerIds,
        VenueId = d.VenueId,
        Venue = d.Venue,
        City = d.City,
        MinPrice = d.MinPrice,
        Currency = d.Currency,
        Availability = d.Availability,
        CityKey = SearchFields.Key(d.City),
        CategoryKey = SearchFields.Key(d.Category),
        VenueKey = [.. new[] { d.Venue, d.VenueId }.Select(SearchFields.Key).Distinct()],
        PerformerKey = [.. d.Performers.Concat(d.PerformerIds).Select(SearchFields.Key).Distinct()],
    };

    public SearchDocument ToDocument() => new(
        EventId, Version, Name, Description, Category, StartsAt.ToUniversalTime(), Performers, VenueId, Venue, City,
        MinPrice, Currency, Availability, PerformerIds);

    public static DateTimeOffset Milliseconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - utc.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
