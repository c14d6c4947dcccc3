using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Azure;

public sealed class AzureConfigurationTests
{
    private const string WellFormedHub = "Endpoint=sb://ticketmaster.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=a2V5";

    [Fact]
    public async Task Azure_storage_without_a_connection_string_stops_the_start_naming_ConnectionStrings_AzureStorage()
    {
        var failure = await HostStarts.FailureOfStart(new Dictionary<string, string?> { ["Orleans:Storage"] = StorageKinds.AzureStorage });
        Assert.Contains("'ConnectionStrings:AzureStorage' is missing", failure);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=@@@;TableEndpoint=not a uri")]
    public async Task Azure_storage_with_a_malformed_connection_string_stops_the_start_naming_ConnectionStrings_AzureStorage(string connectionString)
    {
        var failure = await HostStarts.FailureOfStart(new Dictionary<string, string?>
        {
            ["Orleans:Storage"] = StorageKinds.AzureStorage,
            [AzureStorageSettings.Key] = connectionString,
        });
        Assert.Contains("'ConnectionStrings:AzureStorage' is not a valid Azure Storage connection string", failure);
    }

    [Fact]
    public async Task Azure_queue_streams_without_a_storage_connection_string_stop_the_start_naming_it()
    {
        var failure = await HostStarts.FailureOfStart(new Dictionary<string, string?> { [StreamingKinds.Key] = StreamingKinds.AzureQueue });
        Assert.Contains("'ConnectionStrings:AzureStorage' is missing; the Azure Storage backend and the AzureQueue and EventHubs streams need it", failure);
    }

    [Fact]
    public async Task Event_Hubs_streams_without_a_connection_string_stop_the_start_naming_ConnectionStrings_EventHubs()
    {
        var failure = await HostStarts.FailureOfStart(EventHubs(connectionString: null, name: "catalog"));
        Assert.Contains("'ConnectionStrings:EventHubs' is missing", failure);
    }

    [Fact]
    public async Task Event_Hubs_streams_with_a_malformed_connection_string_stop_the_start_naming_ConnectionStrings_EventHubs()
    {
        var failure = await HostStarts.FailureOfStart(EventHubs(connectionString: "Endpoint=not a namespace", name: "catalog"));
        Assert.Contains("'ConnectionStrings:EventHubs' is not a valid Event Hubs connection string", failure);
    }

    [Fact]
    public async Task Event_Hubs_streams_without_a_hub_name_stop_the_start_naming_Orleans_EventHubs_Name()
    {
        var failure = await HostStarts.FailureOfStart(EventHubs(WellFormedHub, name: null));
        Assert.Contains("'Orleans:EventHubs:Name' is missing", failure);
    }

    [Fact]
    public async Task Event_Hubs_streams_need_the_storage_account_for_their_checkpoints()
    {
        var settings = EventHubs(WellFormedHub, "catalog");
        settings.Remove(AzureStorageSettings.Key);
        var failure = await HostStarts.FailureOfStart(settings);
        Assert.Contains("'ConnectionStrings:AzureStorage' is missing; the Azure Storage backend and the AzureQueue and EventHubs streams need it", failure);
    }

    [Fact]
    public void Event_Hubs_streams_register_an_Event_Hubs_provider_as_the_catalog_stream_provider()
    {
        // Only built, not started: starting would connect to the hub, and none runs here.
        using var host = HostStarts.BuildSilo(EventHubs(WellFormedHub, "catalog"));
        var adapters = host.Services.GetRequiredKeyedService<IQueueAdapterFactory>(StorageNames.Streams);
        Assert.Equal("EventHubAdapterFactory", adapters.GetType().Name);
        var checkpoints = host.Services.GetRequiredKeyedService<IStreamQueueCheckpointerFactory>(StorageNames.Streams);
        Assert.Equal("AzureTableStreamQueueCheckpointerFactory", checkpoints.GetType().Name);
    }

    [Fact]
    public void Event_Hubs_streams_reach_the_namespace_with_the_hosts_identity_when_there_is_no_connection_string()
    {
        var settings = EventHubs(connectionString: null, "catalog");
        settings[EventHubsConnection.NamespaceKey] = "tickets.servicebus.windows.net";

        // Only built, not started: starting would connect to the hub, and none runs here.
        using var host = HostStarts.BuildSilo(settings);

        // Orleans' own check of the hub's options (what the silo runs at start): a connection and a hub name are set.
        var hubChecks = host.Services.GetServices<IConfigurationValidator>().Where(v => v.GetType().Name.Contains("EventHub", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hubChecks);
        foreach (var check in hubChecks) check.ValidateConfiguration();
    }

    [Theory]
    [InlineData("https://tickets.servicebus.windows.net/")]
    [InlineData("tickets")]
    public async Task An_Event_Hubs_namespace_that_is_not_a_host_name_stops_the_start_naming_it(string value)
    {
        var settings = EventHubs(connectionString: null, "catalog");
        settings[EventHubsConnection.NamespaceKey] = value;

        var failure = await HostStarts.FailureOfStart(settings);

        Assert.Contains("'EventHubs:FullyQualifiedNamespace' must be the namespace's host name", failure);
    }

    [Fact]
    public async Task An_unknown_streaming_kind_stops_the_start_naming_Orleans_Streaming()
    {
        var failure = await HostStarts.FailureOfStart(new Dictionary<string, string?> { [StreamingKinds.Key] = "Kafka" });
        Assert.Contains("'Orleans:Streaming' is 'Kafka'", failure);
    }

    private static Dictionary<string, string?> EventHubs(string? connectionString, string? name) => new()
    {
        [StreamingKinds.Key] = StreamingKinds.EventHubs,
        [EventHubsConnection.ConnectionStringKey] = connectionString,
        [EventHubsConnection.NameKey] = name,
        [AzureStorageSettings.Key] = "UseDevelopmentStorage=true",
    };
}
