namespace TicketMaster.Catalog;

/// <summary>One line of an organiser's list: what the list shows of an item without activating it.</summary>
[GenerateSerializer, Immutable, Alias("CatalogEntry")]
public abstract record CatalogEntry([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Owner);

[GenerateSerializer, Immutable, Alias("VenueEntry")]
public sealed record VenueEntry(string Id, string Name, string Owner, [property: Id(0)] string City, [property: Id(1)] int Capacity)
    : CatalogEntry(Id, Name, Owner);

[GenerateSerializer, Immutable, Alias("PerformerEntry")]
public sealed record PerformerEntry(string Id, string Name, string Owner, [property: Id(0)] string Genre)
    : CatalogEntry(Id, Name, Owner);

[GenerateSerializer, Immutable, Alias("EventEntry")]
public sealed record EventEntry(
    string Id, string Name, string Owner,
    [property: Id(0)] DateTimeOffset StartsAt,
    [property: Id(1)] DateTimeOffset? OnSaleAt,
    [property: Id(2)] string VenueId,
    [property: Id(3)] string Category,
    [property: Id(4)] bool Cancelled)
    : CatalogEntry(Id, Name, Owner);

/// <summary>One page of a list, and the cursor of the next (null at the end).</summary>
[GenerateSerializer, Immutable, Alias("CatalogPage")]
public sealed record CatalogPage([property: Id(0)] IReadOnlyList<CatalogEntry> Items, [property: Id(1)] string? Next);
