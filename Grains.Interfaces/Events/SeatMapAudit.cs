namespace TicketMaster.Events;

/// <summary>
/// The grain's running counters beside the same figures recounted from the seat map, so tests
/// and operators can prove they agree and that no seat belongs to two reservations.
/// </summary>
[GenerateSerializer, Immutable, Alias("SeatMapAudit")]
public sealed record SeatMapAudit(
    [property: Id(0)] int CountedAvailable,
    [property: Id(1)] int CountedHeld,
    [property: Id(2)] int CountedSold,
    [property: Id(3)] int RecountedAvailable,
    [property: Id(4)] int RecountedHeld,
    [property: Id(5)] int RecountedSold,
    [property: Id(6)] int SeatsClaimedTwice);
