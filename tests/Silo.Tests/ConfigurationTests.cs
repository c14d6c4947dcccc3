using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(PostgresWithoutConnectionString)));
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public void A_client_on_postgres_without_a_connection_string_does_not_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleansClient(client => client.ConfigureTicketMaster(PostgresWithoutConnectionString)));
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
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(configuration)));
        Assert.Contains("Orleans:AdvertisedIP", error.Message);
    }

    private static IConfiguration With(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_memory_silo_with_a_silo_port_that_is_not_a_number_does_not_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(With(new() { ["Orleans:SiloPort"] = "eleven" }))));
        Assert.Contains("Orleans:SiloPort", error.Message);
    }

    [Fact]
    public void An_unknown_storage_kind_does_not_start_and_names_Orleans_Storage()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleansClient(client => client.ConfigureTicketMaster(With(new() { ["Orleans:Storage"] = "Redis" }))));
        Assert.Contains("Orleans:Storage", error.Message);
    }

    [Fact]
    public void An_unknown_storage_kind_does_not_start_a_silo_and_names_Orleans_Storage()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(With(new() { ["Orleans:Storage"] = "Redis" }))));
        Assert.Contains("Orleans:Storage", error.Message);
    }

    [Theory]
    [InlineData("Orleans:ClusterId", "")]
    [InlineData("Orleans:ServiceId", " ")]
    [InlineData("Orleans:GatewayPort", "0")]
    [InlineData("Orleans:Hosting", "Sidecar")]
    public void A_client_with_a_wrong_orleans_setting_does_not_start_and_names_the_key(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleansClient(client => client.ConfigureTicketMaster(With(new() { [key] = value }))));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void A_silo_with_a_silo_port_outside_the_tcp_range_does_not_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(With(new() { ["Orleans:SiloPort"] = "70000" }))));
        Assert.Contains("Orleans:SiloPort", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void A_management_port_outside_the_tcp_range_does_not_start_and_names_the_key(string port)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ManagementSettings.From(With(new() { [ManagementSettings.PortKey] = port })));
        Assert.Contains("Management:Port", error.Message);
    }

    [Fact]
    public void A_management_port_that_is_not_a_number_does_not_start_and_names_the_key()
    {
        // The binder's own refusal, which names the key too.
        var error = Assert.Throws<InvalidOperationException>(() => ManagementSettings.From(With(new() { [ManagementSettings.PortKey] = "http" })));
        Assert.Contains("Management:Port", error.Message);
    }

    [Fact]
    public async Task The_management_settings_registered_as_options_stop_the_host_at_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        ManagementSettings.Register(builder.Services, With(new() { [ManagementSettings.PortKey] = "70000" }));
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Management:Port", error.Message);
    }

    [Fact]
    public void Azure_storage_by_service_uris_without_the_queue_uri_does_not_start_and_names_the_key()
    {
        var configuration = With(new()
        {
            ["Orleans:Storage"] = StorageKinds.AzureStorage,
            ["AzureStorage:TableServiceUri"] = "https://account.table.core.windows.net",
            ["AzureStorage:BlobServiceUri"] = "https://account.blob.core.windows.net",
        });
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(configuration)));
        Assert.Contains("AzureStorage:QueueServiceUri", error.Message);
    }

    [Fact]
    public void Azure_storage_by_a_service_uri_that_is_not_https_does_not_start_and_names_the_key()
    {
        var configuration = With(new()
        {
            ["Orleans:Storage"] = StorageKinds.AzureStorage,
            ["AzureStorage:TableServiceUri"] = "http://account.table.core.windows.net",
            ["AzureStorage:BlobServiceUri"] = "https://account.blob.core.windows.net",
            ["AzureStorage:QueueServiceUri"] = "https://account.queue.core.windows.net",
        });
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleansClient(client => client.ConfigureTicketMaster(configuration)));
        Assert.Contains("AzureStorage:TableServiceUri", error.Message);
    }

    [Fact]
    public void Azure_storage_by_service_uris_configures_a_silo_with_a_managed_identity()
    {
        var configuration = With(new()
        {
            ["Orleans:Storage"] = StorageKinds.AzureStorage,
            ["AzureStorage:TableServiceUri"] = "https://account.table.core.windows.net",
            ["AzureStorage:BlobServiceUri"] = "https://account.blob.core.windows.net",
            ["AzureStorage:QueueServiceUri"] = "https://account.queue.core.windows.net",
        });
        var account = AzureStorageAccount.From(configuration);
        Assert.Equal("account", account.Tables.AccountName);
        Assert.Equal(new Uri("https://account.queue.core.windows.net"), account.Queues.Uri);
    }
}
