using Npgsql;
using TicketMaster.Hosting.Database;

namespace TicketMaster.Silo.Tests;

/// <summary>
/// One throwaway PostgreSQL per test run with the schema migrated into database <c>ticketmaster</c>.
/// Tests keep out of each other's way by cluster and service id, not by database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Database = "ticketmaster";

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture did not start.");

    public string ConnectionString => Server.ConnectionString(Database);

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        try
        {
            await CreateDatabaseAsync(Database);
            await new SchemaMigrator(ConnectionString).MigrateAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>An empty database on the same server: answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return Server.ConnectionString(name);
    }

    private void StopOnExit(object? sender, EventArgs e) => _server?.StopNow();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
