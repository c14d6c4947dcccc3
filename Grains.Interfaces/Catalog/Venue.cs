namespace TicketMaster.Catalog;

/// <summary>A place where events happen, with its section layout.</summary>
[GenerateSerializer, Immutable, Alias("Venue")]
public sealed record Venue(
    [property: Id(0)] string VenueId,
    [property: Id(1)] string Name,
    [property: Id(2)] string City,
    [property: Id(3)] string Address,
    [property: Id(4)] IReadOnlyList<SectionDefinition> Sections);
