using System.Text;
using Npgsql;
using TicketMaster.Hosting.Database;

namespace TicketMaster.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migration_is_idempotent()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migration_" + Guid.NewGuid().ToString("N"));
        var migrator = new SchemaMigrator(connectionString);

        var first = await migrator.MigrateAsync();
        var schema = await Describe(connectionString);
        var versions = await Versions(connectionString);
        var second = await migrator.MigrateAsync();

        Assert.Equal(SchemaMigrator.All.Select(m => m.Name), first.Select(m => m.Name));
        Assert.Empty(second);
        Assert.Equal(schema, await Describe(connectionString));
        Assert.Equal(versions, await Versions(connectionString));
        Assert.Equal(SchemaMigrator.All[^1].Version, await migrator.CurrentVersionAsync());
    }

    [Fact]
    public async Task Every_query_the_orleans_providers_load_is_in_the_schema()
    {
        string[] required =
        [
            // Clustering
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "CleanupDefunctSiloEntriesKey",
            // Grain storage
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            // Reminders
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        }
        Assert.Empty(required.Except(keys));
    }

    /// <summary>Tables, columns, indexes and stored queries: what a repeated migration must not change.</summary>
    private static async Task<string> Describe(string connectionString)
    {
        var text = new StringBuilder();
        await Append(text, connectionString, """
            SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            ORDER BY table_name, ordinal_position
            """);
        await Append(text, connectionString, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname");
        await Append(text, connectionString, "SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey");
        return text.ToString();
    }

    private static async Task<string> Versions(string connectionString)
    {
        var text = new StringBuilder();
        await Append(text, connectionString, $"SELECT version, name, applied_at FROM {SchemaMigrator.VersionTable} ORDER BY version");
        return text.ToString();
    }

    private static async Task Append(StringBuilder text, string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.GetValue(i)).Append('|');
            text.AppendLine();
        }
    }
}
