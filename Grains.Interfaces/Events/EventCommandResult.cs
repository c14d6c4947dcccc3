namespace TicketMaster.Events;

public enum EventCommandStatus
{
    Ok,
    /// <summary>A field of the definition is wrong; <see cref="EventCommandResult.Field"/> names it.</summary>
    Invalid,
    NotFound,
    /// <summary>Create of an id that exists, or a layout change after seats were held or sold.</summary>
    Conflict,
}

/// <summary>The answer to creating or updating an event.</summary>
[GenerateSerializer, Immutable, Alias("EventCommandResult")]
public sealed record EventCommandResult(
    [property: Id(0)] EventCommandStatus Status,
    [property: Id(1)] string? Field = null,
    [property: Id(2)] string? Error = null)
{
    public static readonly EventCommandResult Ok = new(EventCommandStatus.Ok);
    public static readonly EventCommandResult NotFound = new(EventCommandStatus.NotFound);

    public static EventCommandResult Invalid(string field, string error) => new(EventCommandStatus.Invalid, field, error);

    public static EventCommandResult Conflict(string error, string? field = null) => new(EventCommandStatus.Conflict, field, error);
}
