using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Npgsql;
using TicketMaster.Grains;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Silo.Hosting;

/// <summary>The one silo set-up, shared by the Silo process and WebFrontend's co-hosted silo.</summary>
public static class SiloConfiguration
{
    public const string MembershipSection = "Orleans:Membership";

    public static ISiloBuilder ConfigureTicketMaster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        silo.Configure<ClusterOptions>(settings.ApplyTo);
        // Liveness timings (Orleans' ClusterMembershipOptions, e.g. Orleans:Membership:ProbeTimeout): how fast
        // a killed silo is declared dead, which is also how long a whole-cluster restart waits for the old entries.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));

        switch (settings.Storage)
        {
            case StorageKinds.Memory:
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
                foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
                {
                    // Binary, as with PostgreSQL: the JSON default spent most of a hot event's time
                    // turning its seat map into text on every write.
                    silo.AddMemoryGrainStorage(name, (OptionsBuilder<MemoryGrainStorageOptions> options) =>
                        options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
                }
                silo.UseInMemoryReminderService();
                break;
            case StorageKinds.Postgres:
                UsePostgres(silo, settings, Postgres.ConnectionString(configuration));
                break;
            case StorageKinds.AzureStorage:
                silo.UseAzureStorageBackend(configuration);
                break;
            default:
                throw new InvalidOperationException(
                    $"Configuration 'Orleans:Storage' is '{settings.Storage}'; expected '{StorageKinds.Memory}', '{StorageKinds.Postgres}' or '{StorageKinds.AzureStorage}'.");
        }

        silo.AddTicketMasterStreams(configuration);
        silo.Services.AddTicketMasterGrains(configuration);
        return silo;
    }

    /// <summary>
    /// Clustering, grain storage and reminders on the schema of <c>Database/Migrations</c>
    /// (apply it first: <c>dotnet run --project Silo -- migrate</c>).
    /// </summary>
    private static void UsePostgres(ISiloBuilder silo, OrleansSettings settings, string connectionString)
    {
        if (!IPAddress.TryParse(settings.AdvertisedIP, out var advertised))
        {
            throw new InvalidOperationException($"Configuration 'Orleans:AdvertisedIP' is '{settings.AdvertisedIP}', which is not an IP address.");
        }
        silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Postgres.Invariant;
            o.ConnectionString = connectionString;
        });
        foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
        {
            silo.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = Postgres.Invariant;
                o.ConnectionString = connectionString;
                // Orleans' own binary format instead of the JSON default: every state type is
                // [GenerateSerializer] with stable [Id]s (version tolerant), and a 100,000-seat
                // int[] stays compact instead of becoming a type-annotated JSON array.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Postgres.Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddSingleton<IJournalStorage, PostgresJournalStorage>();
    }
}
