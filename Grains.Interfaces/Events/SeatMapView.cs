namespace TicketMaster.Events;

public enum SeatStatus : byte
{
    Available = 0,
    Held = 1,
    Sold = 2,
}

/// <summary>GET /api/v1/events/{id}/seats: every seat of the seated sections asked for.</summary>
[GenerateSerializer, Immutable, Alias("SeatMapView")]
public sealed record SeatMapView(
    [property: Id(0)] string EventId,
    [property: Id(1)] IReadOnlyList<SeatView> Seats);

[GenerateSerializer, Immutable, Alias("SeatView")]
public sealed record SeatView(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string SectionId,
    [property: Id(2)] int Row,
    [property: Id(3)] int Number,
    [property: Id(4)] SeatStatus Status);
