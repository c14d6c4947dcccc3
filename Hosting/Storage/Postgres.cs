using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>What every Postgres-backed part (clustering, grain storage, reminders, migrations) shares.</summary>
public static class Postgres
{
    /// <summary>Orleans' ADO.NET invariant name for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    public const string ConnectionStringName = "Postgres";

    /// <summary><c>ConnectionStrings:Postgres</c>, checked by <see cref="PostgresSettings.Validation"/>.</summary>
    public static string ConnectionString(IConfiguration configuration) => PostgresSettings.From(configuration).ConnectionString!;
}
