namespace TicketMaster.Events;

/// <summary>What an admin says about an event: the body of POST and PUT /api/v1/events.</summary>
[GenerateSerializer, Immutable, Alias("EventDefinition")]
public sealed record EventDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] string Category,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] string VenueId,
    [property: Id(5)] IReadOnlyList<string> PerformerIds,
    [property: Id(6)] IReadOnlyList<SectionPrice> Prices,
    [property: Id(7)] int MaxTicketsPerFan = EventDefinition.DefaultMaxTicketsPerFan,
    [property: Id(8)] DateTimeOffset? OnSaleAt = null)
{
    /// <summary>How many seats one fan may hold and buy for an event, across reservations and bookings, unless the organiser says otherwise.</summary>
    public const int DefaultMaxTicketsPerFan = 8;

    /// <summary>The highest limit an organiser may set.</summary>
    public const int MostTicketsPerFan = 1000;

    /// <summary>Whether seats may be reserved at <paramref name="now"/>: no on-sale time, or it has come.</summary>
    public bool IsOnSale(DateTimeOffset now) => OnSaleAt is not { } at || at <= now;
}
