using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TicketMaster.Hosting.Database;
using TicketMaster.Hosting;
using TicketMaster.Silo.Tests;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The backends a run needs (a given or throwaway PostgreSQL, migrated with the project's
/// migrator; a given or started Azurite) and a silo per storage, with the project's own set-up.
/// </summary>
public sealed class BenchStorage : IAsyncDisposable
{
    private const string Database = "onsalebench";

    private PostgresServer? _postgresServer;
    private AzuriteServer? _azurite;

    public string? PostgresConnection { get; private set; }

    public string? AzureStorageConnection { get; private set; }

    public static async Task<BenchStorage> Start(BenchOptions options)
    {
        var storage = new BenchStorage();
        try
        {
            if (options.Storages.Contains(StorageKinds.Postgres) || options.Baseline)
            {
                storage.PostgresConnection = options.Postgres ?? await storage.StartPostgres();
                await new SchemaMigrator(storage.PostgresConnection).MigrateAsync();
            }
            if (options.Storages.Contains(StorageKinds.AzureStorage))
            {
                if (options.Azurite is null)
                {
                    storage._azurite = await AzuriteServer.StartAsync(RepositoryRoot());
                    storage.AzureStorageConnection = storage._azurite.ConnectionString;
                }
                else
                {
                    storage.AzureStorageConnection = options.Azurite;
                }
            }
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where the data lives, for the report (never the connection string: it may hold a password).</summary>
    public string Describe(string storage) => storage switch
    {
        StorageKinds.Postgres => _postgresServer is null ? "PostgreSQL given by --postgres" : $"throwaway PostgreSQL ({PostgresServer.BinDirectory}) on loopback, default settings",
        StorageKinds.AzureStorage => _azurite is null ? "Azure Storage given by --azurite" : "Azurite from tools/azurite on loopback",
        _ => "memory storage (Orleans' binary serializer)",
    };

    /// <summary>Where each silo's sender writes the confirmations of the <c>--mail</c> phase (a folder per cluster), removed with the bench.</summary>
    public static string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "onsalebench-mail-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A silo of a fresh cluster on free ports, set up as the Silo process sets itself up.</summary>
    public async Task<IHost> StartSilo(string storage)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Storage"] = storage,
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            // A new cluster and service each run: rows and blobs of earlier runs are never read.
            ["Orleans:ClusterId"] = cluster,
            ["Orleans:ServiceId"] = cluster,
            ["ConnectionStrings:Postgres"] = PostgresConnection,
            ["ConnectionStrings:AzureStorage"] = AzureStorageConnection,
            // Holds made to fill an event must outlive the phases measured on it.
            ["Booking:HoldDuration"] = "02:00:00",
            // The --mail phase's confirmations: no relay, so the sender writes them here.
            ["Mail:PickupDirectory"] = Path.Combine(MailFolder, cluster),
        });
        builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        if (_azurite is not null) await _azurite.DisposeAsync();
        if (_postgresServer is not null) await _postgresServer.DisposeAsync();
    }

    /// <summary>For Ctrl+C: no server outlives the bench.</summary>
    public void StopNow()
    {
        _postgresServer?.StopNow();
        _azurite?.StopNow();
    }

    private async Task<string> StartPostgres()
    {
        _postgresServer = await PostgresServer.StartAsync();
        await using (var connection = new NpgsqlConnection(_postgresServer.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return _postgresServer.ConnectionString(Database);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketMaster.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("No TicketMaster.sln above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
