using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The embedded default whose waiting-room journals can be made to fail, as if storage were down.</summary>
public sealed class QueueStorageDownFactory : ApiFactory
{
    private volatile bool _down;

    public void Down(bool down) => _down = down;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IJournalStorage>(sp =>
            new Switchable(new MemoryJournalStorage(sp.GetRequiredService<IGrainFactory>()), this))));
    }

    private sealed class Switchable(IJournalStorage inner, QueueStorageDownFactory factory) : IJournalStorage
    {
        public Task<JournalContents> Read(string journal) => inner.Read(journal);

        public Task Append(string journal, long sequence, byte[] record) =>
            factory._down && journal.StartsWith("queue/", StringComparison.Ordinal)
                ? Task.FromException(new IOException("Storage is down (test)."))
                : inner.Append(journal, sequence, record);

        public Task WriteSnapshot(string journal, long sequence, byte[] snapshot) => inner.WriteSnapshot(journal, sequence, snapshot);
    }
}

[CollectionDefinition(Name)]
public sealed class QueueStorageDownCollection : ICollectionFixture<QueueStorageDownFactory>
{
    public const string Name = "queue-storage-down";
}

[Collection(QueueStorageDownCollection.Name)]
public sealed class WaitingRoomStorageTests(QueueStorageDownFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task With_the_queue_storage_down_join_answers_503_with_retry_after_and_works_again_once_it_is_back()
    {
        var eventId = await _api.CreateEvent();
        var admin = await _api.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/events/{eventId}/queue", new { active = true, admitPerSecond = 5 })).StatusCode);
        var fan = _api.AsNewUser();

        factory.Down(true);
        HttpResponseMessage refused;
        try
        {
            refused = await fan.PostAsync($"/api/v1/queue/{eventId}/join", null);
        }
        finally
        {
            factory.Down(false);
        }

        await Api.Problem(refused, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Headers.RetryAfter);
        var joined = await Api.Json(await fan.PostAsync($"/api/v1/queue/{eventId}/join", null));
        Assert.Equal(1, joined["position"]!.GetValue<int>());
    }
}
