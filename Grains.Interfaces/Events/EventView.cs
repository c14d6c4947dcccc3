using TicketMaster.Catalog;

namespace TicketMaster.Events;

/// <summary>GET /api/v1/view: the event with exact per-section availability, as of its <see cref="Version"/> (grows with every change of the event).</summary>
[GenerateSerializer, Immutable, Alias("EventView")]
public sealed record EventView(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] string Category,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] IReadOnlyList<Performer> Performers,
    [property: Id(6)] Venue Venue,
    [property: Id(7)] bool QueueActive,
    [property: Id(8)] IReadOnlyList<SectionView> Sections,
    [property: Id(9)] long Version,
    [property: Id(10)] bool Cancelled = false,
    [property: Id(11)] DateTimeOffset? OnSaleAt = null);

/// <summary>One section's price and exact counts.</summary>
[GenerateSerializer, Immutable, Alias("SectionView")]
public sealed record SectionView(
    [property: Id(0)] string SectionId,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Price,
    [property: Id(3)] string Currency,
    [property: Id(4)] int Capacity,
    [property: Id(5)] int Available,
    [property: Id(6)] int Held,
    [property: Id(7)] int Sold,
    [property: Id(8)] bool GeneralAdmission);
