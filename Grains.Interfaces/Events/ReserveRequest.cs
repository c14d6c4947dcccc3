namespace TicketMaster.Events;

/// <summary>
/// Hold chosen <see cref="Seats"/>, or <see cref="Quantity"/> best-available seats of <see cref="SectionId"/>;
/// <see cref="Source"/> is the client's address as the frontend saw it (IPv6: its /64), for the per-address cap.
/// </summary>
[GenerateSerializer, Immutable, Alias("ReserveRequest")]
public sealed record ReserveRequest(
    [property: Id(0)] string UserId,
    [property: Id(1)] IReadOnlyList<string>? Seats,
    [property: Id(2)] string? SectionId,
    [property: Id(3)] int Quantity,
    [property: Id(4)] string? AdmissionToken = null,
    [property: Id(5)] string? Source = null)
{
    /// <summary>The most tickets one reservation may hold.</summary>
    public const int MaxTickets = 10;

    public static ReserveRequest ChosenSeats(string userId, IReadOnlyList<string> seats) => new(userId, seats, null, 0);

    public static ReserveRequest BestAvailable(string userId, string sectionId, int quantity) => new(userId, null, sectionId, quantity);
}
