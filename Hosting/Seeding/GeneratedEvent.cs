using TicketMaster.Events;

namespace TicketMaster.Hosting.Seeding;

/// <summary>An event the generator made up, with the id it will be created under.</summary>
public sealed record GeneratedEvent(string EventId, EventDefinition Definition);
