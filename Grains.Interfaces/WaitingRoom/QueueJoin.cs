namespace TicketMaster.WaitingRoom;

/// <summary>A durable join: the signed ticket and the place it carries.</summary>
[GenerateSerializer, Immutable, Alias("QueueJoin")]
public sealed record QueueJoin([property: Id(0)] string Ticket, [property: Id(1)] QueuePlace Place);
