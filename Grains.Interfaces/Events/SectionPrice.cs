namespace TicketMaster.Events;

/// <summary>The price of every ticket in one section.</summary>
[GenerateSerializer, Immutable, Alias("SectionPrice")]
public sealed record SectionPrice(
    [property: Id(0)] string SectionId,
    [property: Id(1)] decimal Price,
    [property: Id(2)] string Currency);
