using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests;

public sealed class ConfigurationTests
{
    private static readonly IConfiguration PostgresWithoutConnectionString = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:Storage"] = StorageKinds.Postgres })
        .Build();

    [Fact]
    public void A_silo_on_postgres_without_a_connection_string_does_not_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(PostgresWithoutConnectionString)));
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public void A_client_on_postgres_without_a_connection_string_does_not_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleansClient(client => client.ConfigureTicketMaster(PostgresWithoutConnectionString)));
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public void An_advertised_address_that_is_not_an_ip_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Storage"] = StorageKinds.Postgres,
            ["Orleans:AdvertisedIP"] = "silo-1.example",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=ticketmaster",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(configuration)));
        Assert.Contains("Orleans:AdvertisedIP", error.Message);
    }
}
