namespace TicketMaster.Reservations;

/// <summary>A fan has (or had) a hold on an event until <see cref="Until"/>: what a fan's list of holds is looked up by.</summary>
[GenerateSerializer, Immutable, Alias("HoldNote")]
public sealed record HoldNote(
    [property: Id(0)] string UserId,
    [property: Id(1)] string EventId,
    [property: Id(2)] DateTimeOffset Until);
