using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests;

/// <summary>
/// Each backend's and stream kind's settings: a missing or wrong one stops the silo or client while it is
/// built, and the same rule, registered as options, stops a host at start; both name the full key.
/// </summary>
public sealed class StartValidationTests
{
    private const string EventHubsConnectionString = "Endpoint=sb://tickets.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=a2V5";

    private static IConfiguration With(params string[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1])))
        .Build();

    [Theory]
    [InlineData("Orleans:Streaming", "Orleans:Streaming=Kafka")]
    [InlineData("Orleans:Streaming", "Orleans:Storage=Memory", "Orleans:Streaming=")]
    [InlineData("Orleans:ClusterId", "Orleans:Storage=Memory", "Orleans:ClusterId= ")]
    [InlineData("ConnectionStrings:Postgres", "Orleans:Storage=Postgres", "ConnectionStrings:Postgres=Hots=127.0.0.1;Database=ticketmaster")]
    [InlineData("ConnectionStrings:Postgres", "Orleans:Storage=Postgres", "ConnectionStrings:Postgres=not a connection string")]
    [InlineData("ConnectionStrings:AzureStorage", "Orleans:Storage=AzureStorage")]
    [InlineData("ConnectionStrings:AzureStorage", "Orleans:Storage=AzureStorage", "ConnectionStrings:AzureStorage=not a connection string")]
    [InlineData("AzureStorage:BlobServiceUri", "Orleans:Storage=AzureStorage", "AzureStorage:TableServiceUri=https://a.table.core.windows.net",
        "AzureStorage:BlobServiceUri=blobs", "AzureStorage:QueueServiceUri=https://a.queue.core.windows.net")]
    [InlineData("ConnectionStrings:AzureStorage", "Orleans:Streaming=AzureQueue")]
    [InlineData("ConnectionStrings:EventHubs", "Orleans:Streaming=EventHubs", "Orleans:EventHubs:Name=catalog")]
    [InlineData("ConnectionStrings:EventHubs", "Orleans:Streaming=EventHubs", "Orleans:EventHubs:Name=catalog", "ConnectionStrings:EventHubs=Endpoint=not a namespace")]
    [InlineData("Orleans:EventHubs:Name", "Orleans:Streaming=EventHubs", "ConnectionStrings:EventHubs=" + EventHubsConnectionString)]
    public void A_client_with_a_missing_or_wrong_backend_or_stream_setting_does_not_start_and_names_the_key(string key, params string[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleansClient(client => client.ConfigureTicketMaster(With(settings))));
        Assert.Contains($"'{key}'", error.Message);
    }

    [Theory]
    [InlineData("Orleans:Streaming", "Orleans:Streaming=Kafka")]
    [InlineData("ConnectionStrings:Postgres", "Orleans:Storage=Postgres", "ConnectionStrings:Postgres=Hots=127.0.0.1")]
    [InlineData("ConnectionStrings:AzureStorage", "Orleans:Storage=AzureStorage", "ConnectionStrings:AzureStorage=not a connection string")]
    [InlineData("ConnectionStrings:AzureStorage", "Orleans:Streaming=EventHubs", "Orleans:EventHubs:Name=catalog", "ConnectionStrings:EventHubs=" + EventHubsConnectionString)]
    public void A_silo_with_a_missing_or_wrong_backend_or_stream_setting_does_not_start_and_names_the_key(string key, params string[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.ConfigureTicketMaster(With(settings))));
        Assert.Contains($"'{key}'", error.Message);
    }

    /// <summary>The registrations alone, in a plain host: the same rules again when it starts.</summary>
    [Theory]
    [InlineData("Orleans:GatewayPort", "Orleans:GatewayPort=0")]
    [InlineData("Orleans:Streaming", "Orleans:Streaming=Kafka")]
    [InlineData("ConnectionStrings:Postgres")]
    [InlineData("ConnectionStrings:Postgres", "ConnectionStrings:Postgres=Hots=127.0.0.1")]
    [InlineData("ConnectionStrings:AzureStorage")]
    [InlineData("AzureStorage:QueueServiceUri", "AzureStorage:TableServiceUri=https://a.table.core.windows.net", "AzureStorage:BlobServiceUri=https://a.blob.core.windows.net")]
    [InlineData("Orleans:EventHubs:Name", "ConnectionStrings:EventHubs=" + EventHubsConnectionString)]
    [InlineData("Management:Port", "Management:Port=70000")]
    public async Task Settings_registered_as_options_stop_the_host_at_start_naming_the_key(string key, params string[] settings)
    {
        var configuration = With(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Action<IServiceCollection, IConfiguration> register = key switch
        {
            _ when key.StartsWith("Orleans:EventHubs", StringComparison.Ordinal) => EventHubsConnection.Register,
            _ when key.StartsWith("Orleans:", StringComparison.Ordinal) => OrleansSettingsValidation.Register,
            "ConnectionStrings:Postgres" => PostgresSettings.Register,
            "Management:Port" => ManagementSettings.Register,
            _ => AzureStorageSettings.Register,
        };
        register(builder.Services, configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains($"'{key}'", error.Message);
    }

    [Fact]
    public async Task Valid_backend_and_stream_settings_registered_as_options_let_the_host_start()
    {
        var configuration = With(
            "ConnectionStrings:Postgres=Host=127.0.0.1;Database=ticketmaster",
            "ConnectionStrings:AzureStorage=UseDevelopmentStorage=true",
            "ConnectionStrings:EventHubs=" + EventHubsConnectionString,
            "Orleans:EventHubs:Name=catalog",
            "Orleans:Streaming=EventHubs");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        OrleansSettingsValidation.Register(builder.Services, configuration);
        PostgresSettings.Register(builder.Services, configuration);
        AzureStorageSettings.Register(builder.Services, configuration);
        EventHubsConnection.Register(builder.Services, configuration);
        using var host = builder.Build();
        await host.StartAsync();
        Assert.Equal("catalog", host.Services.GetRequiredService<IOptions<EventHubsConnection>>().Value.Name);
        Assert.Equal("$Default", host.Services.GetRequiredService<IOptions<EventHubsConnection>>().Value.ConsumerGroup);
        await host.StopAsync();
    }
}
