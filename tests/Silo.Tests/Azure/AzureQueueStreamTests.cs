using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Streams;
using Orleans.TestingHost;
using TicketMaster.Hosting;
using Xunit.Abstractions;

namespace TicketMaster.Silo.Tests.Azure;

[Collection(BackendCollection.Name)]
public sealed class AzureQueueStreamTests(BackendFixtures backends, ITestOutputHelper output)
{
    private const int Messages = 200;

    private static readonly Dictionary<string, string?> AzureQueue = new() { [StreamingKinds.Key] = StreamingKinds.AzureQueue };

    [Fact]
    public async Task Stream_messages_published_while_no_silo_consumes_are_delivered_after_a_restart()
    {
        var backend = await backends.Get(StorageKinds.AzureStorage);
        var serviceId = BackendCluster.NewId("svc");
        var key = Guid.NewGuid();

        // The silos of the first cluster read no queue: nothing consumes while it publishes.
        await using (var quiet = await BackendCluster.StartAsync(backend, serviceId, settings: AzureQueue, configureSilo: silo =>
            silo.Services.Configure<StreamLifecycleOptions>(StorageNames.Streams, o => o.StartupState = StreamLifecycleOptions.RunState.AgentsStopped)))
        {
            await Publish(quiet, key, Enumerable.Range(0, Messages));
        }

        await using var cluster = await BackendCluster.StartAsync(backend, serviceId, settings: AzureQueue);
        var waited = await ReceivedAll(cluster, key, Enumerable.Range(0, Messages));
        output.WriteLine($"{Messages} queued messages delivered {waited.TotalMilliseconds:0} ms after the new cluster started");

        // And while it runs: the delivery time of a burst.
        var watch = Stopwatch.StartNew();
        await Publish(cluster, key, Enumerable.Range(Messages, Messages));
        var published = watch.Elapsed;
        await ReceivedAll(cluster, key, Enumerable.Range(0, 2 * Messages));
        output.WriteLine($"{Messages} messages on a running cluster: published in {published.TotalMilliseconds:0} ms, all delivered after {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    private static async Task Publish(InProcessTestCluster cluster, Guid key, IEnumerable<int> items)
    {
        var stream = cluster.Client.GetStreamProvider(StorageNames.Streams).GetStream<int>(StreamId.Create(StreamProbeGrain.Namespace, key));
        foreach (var item in items) await stream.OnNextAsync(item);
    }

    /// <summary>Polls the probe until every item arrived (at least once), up to a deadline.</summary>
    private static async Task<TimeSpan> ReceivedAll(InProcessTestCluster cluster, Guid key, IEnumerable<int> expected)
    {
        var want = expected.ToHashSet();
        var probe = cluster.Client.GetGrain<IStreamProbeGrain>(key);
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(60);
        while (true)
        {
            var received = await probe.Received();
            if (want.IsSubsetOf(received)) return watch.Elapsed;
            if (watch.Elapsed > deadline)
            {
                Assert.Fail($"After {deadline.TotalSeconds} s the probe has {received.Distinct().Count()} of {want.Count} messages.");
            }
            await Task.Delay(20);
        }
    }
}
