using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Hosting;

/// <summary>
/// <c>Orleans:Storage=Postgres</c>: clustering, grain storage, reminders and journals on the schema of
/// <c>Hosting/Database/Migrations</c> (apply it first: <c>dotnet run --project Silo -- migrate</c>).
/// </summary>
public sealed class PostgresBackend : IStorageBackend
{
    public void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration, OrleansSettings settings)
    {
        var connectionString = Postgres.ConnectionString(configuration);
        PostgresSettings.Register(silo.Services, configuration);
        silo.ConfigureEndpoints(settings.AdvertisedAddress(), settings.SiloPort, settings.GatewayPort);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Postgres.Invariant;
            o.ConnectionString = connectionString;
        });
        foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
        {
            silo.AddAdoNetGrainStorage(name, o =>
            {
                o.Invariant = Postgres.Invariant;
                o.ConnectionString = connectionString;
            });
        }
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Postgres.Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddSingleton<IJournalStorage, PostgresJournalStorage>();
        silo.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthEndpoints.Ready]);
    }

    /// <summary>Gateways are the active silos of the membership table the silos write.</summary>
    public void ConfigureClient(IClientBuilder client, IConfiguration configuration, OrleansSettings settings)
    {
        var connectionString = Postgres.ConnectionString(configuration);
        PostgresSettings.Register(client.Services, configuration);
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Postgres.Invariant;
            o.ConnectionString = connectionString;
        });
    }
}
