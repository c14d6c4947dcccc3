using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TicketMaster.Catalog;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Azure;

[Collection(BackendCollection.Name)]
public sealed class AzureMembershipTests(BackendFixtures backends)
{
    [Fact]
    public async Task A_client_finds_the_silo_gateway_in_the_Azure_membership_table()
    {
        var backend = (AzureStorageBackendFixture)await backends.Get(StorageKinds.AzureStorage);
        var clusterId = "c" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>(backend.Settings)
        {
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Accounts:PasswordHasher:IterationCount"] = "1000",
        };

        using var silo = HostStarts.BuildSilo(settings);
        await silo.StartAsync();
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.UseOrleansClient(client =>
            {
                new AzureStorageBackend().ConfigureClient(client, configuration, OrleansSettings.From(configuration));
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = clusterId;
                });
            });
            using var client = builder.Build();
            await client.StartAsync();

            var venueId = "ven_" + Guid.NewGuid().ToString("N");
            var venue = new Venue(venueId, "Arena", "Berlin", "Street 1", [SectionDefinition.Seated("A", "Floor", 1, 2)]);
            var grains = client.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IVenueGrain>(venueId).Save(venue);
            Assert.Equal(venue.VenueId, (await grains.GetGrain<IVenueGrain>(venueId).Get())?.VenueId);

            var table = new TableServiceClient(backend.Azurite.ConnectionString).GetTableClient("OrleansSiloInstances");
            var rows = table.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId);
            var statuses = new List<string?>();
            await foreach (var row in rows) statuses.Add(row.GetString("Status"));
            Assert.Contains("Active", statuses);
            await client.StopAsync();
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
