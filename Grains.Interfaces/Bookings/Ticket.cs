namespace TicketMaster.Bookings;

/// <summary>One admission: <see cref="Code"/> is the unguessable value printed on the ticket.</summary>
[GenerateSerializer, Immutable, Alias("Ticket")]
public sealed record Ticket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string SeatId,
    [property: Id(2)] string SectionId,
    [property: Id(3)] string Code);
