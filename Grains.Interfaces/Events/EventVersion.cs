namespace TicketMaster.Events;

/// <summary>
/// What a copy of an event's reads (view, seat maps) is as of: the event's version as one activation
/// counted it. Two copies with equal stamps are equal. The activation is part of it because an
/// activation that could not store a change drops itself with it, and the next one may count the
/// same version over other changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("EventVersion")]
public sealed record EventVersion(
    [property: Id(0)] long Version,
    [property: Id(1)] Guid Activation);
