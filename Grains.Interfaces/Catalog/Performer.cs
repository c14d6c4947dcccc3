namespace TicketMaster.Catalog;

/// <summary>An artist, band or team that appears at events.</summary>
[GenerateSerializer, Immutable, Alias("Performer")]
public sealed record Performer(
    [property: Id(0)] string PerformerId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Genre);
