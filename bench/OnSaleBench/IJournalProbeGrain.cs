namespace TicketMaster.Bench.OnSale;

/// <summary>
/// A rough stand-in for the journaling design: each call appends one small seat event to a
/// journal segment and writes only that segment, as a journaled event grain would between snapshots.
/// </summary>
[Alias("IJournalProbeGrain")]
public interface IJournalProbeGrain : IGrainWithStringKey
{
    [Alias("Append")]
    Task Append(SeatEvent seatEvent);
}

[GenerateSerializer, Immutable, Alias("SeatEvent")]
public sealed record SeatEvent([property: Id(0)] int Serial, [property: Id(1)] string UserId, [property: Id(2)] int[] Seats, [property: Id(3)] DateTimeOffset ExpiresAt);
