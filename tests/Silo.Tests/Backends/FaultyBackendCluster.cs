using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using TicketMaster.Grains;
using TicketMaster.Grains.Payments;
using TicketMaster.Grains.Persistence;
using TicketMaster.Grains.Tests;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// One silo on a durable backend, set up as production, except for what the saga's crash scenarios
/// need: the backend's own journals behind <see cref="FaultyJournal"/>, a <see cref="CrashOnceGateway"/>,
/// a fake booking clock, and a sweep every second past a two-second payment timeout.
/// </summary>
public sealed class FaultyBackendCluster : ISagaCluster, IAsyncDisposable
{
    private InProcessTestCluster _cluster = null!;

    public FaultyJournal Journals { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public IGrainFactory Grains => _cluster.Client;

    public static async Task<FaultyBackendCluster> StartAsync(IBackendFixture backend)
    {
        var started = new FaultyBackendCluster();
        started._cluster = await BackendCluster.StartAsync(backend, BackendCluster.NewId("saga"), settings: new Dictionary<string, string?>
        {
            ["Booking:PaymentTimeout"] = "00:00:02",
            ["Booking:ExpirySweepPeriod"] = "00:00:01",
        }, configureSilo: silo =>
        {
            // The backend registered its journals first; the faults go in front of exactly those.
            var backendJournals = silo.Services.Last(d => d.ServiceType == typeof(IJournalStorage));
            silo.Services.Remove(backendJournals);
            silo.Services.AddSingleton<IJournalStorage>(sp => started.Journals.Over(
                (IJournalStorage)(backendJournals.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, backendJournals.ImplementationType!))));
            silo.Services.AddSingleton<IPaymentGateway>(sp => new CrashOnceGateway(sp.GetRequiredService<SandboxPaymentGateway>()));
            silo.Services.AddKeyedSingleton<TimeProvider>(BookingClock.Key, started.Time);
        });
        return started;
    }

    public Task<string> CreateSeatedEvent(int rows, int seatsPerRow) => TestEvents.CreateSeatedAsync(Grains, rows, seatsPerRow);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
