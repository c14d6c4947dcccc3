using TicketMaster.Catalog;

namespace TicketMaster.Hosting.Seeding;

/// <summary>A team plays at home in its city; its genre is its sport.</summary>
internal sealed record SportsTeam(Performer Performer, int City);
