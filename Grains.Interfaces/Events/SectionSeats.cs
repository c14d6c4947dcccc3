namespace TicketMaster.Events;

public enum SectionSeatsStatus
{
    Ok,
    EventNotFound,
    SectionNotFound,
}

/// <summary>
/// One section's seats as of the event's <see cref="Version"/>: the whole section (<see cref="Full"/>,
/// <see cref="Status"/> one character per seat, row by row: 0 free, 1 held, 2 sold), or only the
/// seats that changed since the version the reader had (<see cref="Changes"/>: seat index, status,
/// seat index, status, …, with the status they have now).
/// </summary>
/// <param name="Epoch">The versions' source: a reader whose copy came from another epoch gets the whole section.</param>
/// <param name="SectionVersion">The version of this section's last seat change seen in this epoch: its ETag.</param>
[GenerateSerializer, Immutable, Alias("SectionSeats")]
public sealed record SectionSeats(
    [property: Id(0)] string EventId,
    [property: Id(1)] string SectionId,
    [property: Id(2)] long Version,
    [property: Id(3)] long Epoch,
    [property: Id(4)] long SectionVersion,
    [property: Id(5)] int Rows,
    [property: Id(6)] int SeatsPerRow,
    [property: Id(7)] int Available,
    [property: Id(8)] int Held,
    [property: Id(9)] int Sold,
    [property: Id(10)] bool Full,
    [property: Id(11)] string? Status,
    [property: Id(12)] int[]? Changes);

/// <summary>The answer to a read of one section's seats.</summary>
[GenerateSerializer, Immutable, Alias("SectionSeatsResult")]
public sealed record SectionSeatsResult(
    [property: Id(0)] SectionSeatsStatus Status,
    [property: Id(1)] SectionSeats? Seats = null)
{
    public static SectionSeatsResult Ok(SectionSeats seats) => new(SectionSeatsStatus.Ok, seats);

    public static readonly SectionSeatsResult EventNotFound = new(SectionSeatsStatus.EventNotFound);
    public static readonly SectionSeatsResult SectionNotFound = new(SectionSeatsStatus.SectionNotFound);
}
