using Microsoft.Extensions.Configuration;

namespace TicketMaster.Hosting;

/// <summary>What every Postgres-backed part (clustering, grain storage, reminders, migrations) shares.</summary>
public static class Postgres
{
    /// <summary>Orleans' ADO.NET invariant name for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    public const string ConnectionStringName = "Postgres";

    /// <summary><c>ConnectionStrings:Postgres</c>; a missing one stops the start with a message naming the key.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"'ConnectionStrings:{ConnectionStringName}' is not set; Orleans:Storage={StorageKinds.Postgres} and the migrate command need it " +
                $"(environment variable ConnectionStrings__{ConnectionStringName}), e.g. 'Host=127.0.0.1;Port=5432;Database=ticketmaster;Username=ticketmaster;Password=...'.");
        }
        return connectionString;
    }
}
