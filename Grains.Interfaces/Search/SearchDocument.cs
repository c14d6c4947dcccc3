namespace TicketMaster.Search;

/// <summary>
/// What the search index knows of one event. <see cref="Version"/> grows with every change of the
/// event, so a replica can apply documents in any order and keep the newest.
/// </summary>
[GenerateSerializer, Immutable, Alias("SearchDocument")]
public sealed record SearchDocument(
    [property: Id(0)] string EventId,
    [property: Id(1)] long Version,
    [property: Id(2)] string Name,
    [property: Id(3)] string Description,
    [property: Id(4)] string Category,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] IReadOnlyList<string> Performers,
    [property: Id(7)] string VenueId,
    [property: Id(8)] string Venue,
    [property: Id(9)] string City,
    [property: Id(10)] decimal MinPrice,
    [property: Id(11)] string Currency,
    [property: Id(12)] string Availability,
    [property: Id(13)] IReadOnlyList<string> PerformerIds);
