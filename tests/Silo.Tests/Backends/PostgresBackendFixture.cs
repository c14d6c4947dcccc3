using Npgsql;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>The Postgres backend on a throwaway server with the schema migrated.</summary>
public sealed class PostgresBackendFixture(PostgresFixture postgres) : IBackendFixture
{
    public string Name => StorageKinds.Postgres;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orleans:Storage"] = StorageKinds.Postgres,
        ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
    };

    public async Task RestartStorageAsync()
    {
        await postgres.Server.RestartAsync();
        // After a site restart the silo processes start with no connections; the in-process
        // clusters of this test run share one pool, whose connections the restart cut.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task<int> SilosWithStatus(string clusterId, SiloStatus status) =>
        (int)await Sql.CountAsync(postgres.ConnectionString,
            "SELECT count(*) FROM orleans_membership WHERE cluster_id = @cluster AND status = @status", ("cluster", clusterId), ("status", (int)status));

    public async Task<SiloStatus> StatusOf(string clusterId, SiloAddress silo) =>
        (SiloStatus)await Sql.CountAsync(postgres.ConnectionString,
            "SELECT coalesce(max(status), 0) FROM orleans_membership WHERE cluster_id = @cluster AND port = @port AND generation = @generation",
            ("cluster", clusterId), ("port", silo.Endpoint.Port), ("generation", silo.Generation));

    public async Task<bool> HoldsState(string serviceId, string stateName, GrainId grain) =>
        await Sql.CountAsync(postgres.ConnectionString,
            "SELECT count(*) FROM orleans_grain_state WHERE service_id = @service AND state_name = @name AND key_string = @key AND payload IS NOT NULL",
            ("service", serviceId), ("name", stateName), ("key", grain.Key.ToString()!)) == 1;
}
