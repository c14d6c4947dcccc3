namespace TicketMaster.Hosting.Database;

/// <summary>One numbered schema change: <c>Database/Migrations/NNNN_name.sql</c>, applied once, in one transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);
