namespace TicketMaster.WebFrontend.Endpoints;

public sealed record VenueRequest(string? Name, string? City, string? Address, IReadOnlyList<SectionRequest?>? Sections);

public sealed record SectionRequest(string? SectionId, string? Name, int? Rows, int? SeatsPerRow, int? Capacity);

public sealed record PerformerRequest(string? Name, string? Genre);

public sealed record EventRequest(
    string? Name,
    string? Description,
    string? Category,
    DateTimeOffset? StartsAt,
    string? VenueId,
    IReadOnlyList<string?>? PerformerIds,
    IReadOnlyList<PriceRequest?>? Prices);

public sealed record PriceRequest(string? SectionId, decimal? Price, string? Currency);

public sealed record VenueCreated(string VenueId);

public sealed record PerformerCreated(string PerformerId);

public sealed record EventCreated(string EventId);
