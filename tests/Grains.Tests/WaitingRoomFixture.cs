using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Persistence;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// A cluster for the waiting-room tests: memory journals that can be made to fail, a count of
/// every grain call by interface and method, a fake clock, and the signing key a frontend shares.
/// </summary>
public sealed class WaitingRoomFixture : IAsyncLifetime
{
    public const string SigningKey = "d5ac2820d3b8a945f6ce6d17fa39ac428e1ccd30d347e3ad7392964886134489";

    public FakeTimeProvider Time { get; } = new(ClusterFixture.Start);

    public FaultyJournals Journals { get; } = new();

    public GrainCallCounter Calls { get; } = new();

    public AdmissionTokens Tokens { get; } = new(SigningKey);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>What one frontend process holds: its own watermark cache.</summary>
    public WaitingRoomClient NewFrontend() => new(Grains, Tokens, Time);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StorageNames.Streams);
            silo.AddIncomingGrainCallFilter(Calls);
            silo.Services.AddKeyedSingleton<TimeProvider>(BookingClock.Key, Time);
            silo.Services.AddSingleton<IJournalStorage>(sp => Journals.Over(new MemoryJournalStorage(sp.GetRequiredService<IGrainFactory>())));
            silo.Services.AddTicketMasterGrains(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WaitingRoom:SigningKey"] = SigningKey,
                ["WaitingRoom:Shards"] = "4",
            }).Build());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A fresh event with one seated section of <paramref name="seats"/> seats.</summary>
    public async Task<string> CreateEvent(int seats = 200, DateTimeOffset? onSaleAt = null)
    {
        var venueId = "ven_" + Guid.NewGuid().ToString("N");
        var sections = new[] { SectionDefinition.Seated("A", "Floor A", 1, seats) };
        await Grains.GetGrain<IVenueGrain>(venueId).Save(new Venue(venueId, "Test Arena", "Berlin", "Street 1", sections));
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var result = await Grains.GetGrain<IEventGrain>(eventId).Create(
            new EventDefinition("Test Night", "A test event", "concert", Time.GetUtcNow().AddMonths(6), venueId, [], [new SectionPrice("A", 100m, "USD")], OnSaleAt: onSaleAt));
        Assert.Equal(EventCommandStatus.Ok, result.Status);
        return eventId;
    }
}

[CollectionDefinition(Name)]
public sealed class WaitingRoomCollection : ICollectionFixture<WaitingRoomFixture>
{
    public const string Name = "waiting-room";
}

/// <summary>Counts incoming grain calls as "Interface.Method".</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int this[string call] => _calls.GetValueOrDefault(call);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.InterfaceMethod.DeclaringType!.Name}.{context.InterfaceMethod.Name}", 1, (_, n) => n + 1);
        return context.Invoke();
    }
}

/// <summary>Journals whose appends fail, for names a test chooses, as if storage were down.</summary>
public sealed class FaultyJournals
{
    private volatile Func<string, bool> _failing = _ => false;

    public void Fail(Func<string, bool> journal) => _failing = journal;

    public void Heal() => _failing = _ => false;

    public IJournalStorage Over(IJournalStorage inner) => new Storage(inner, this);

    private sealed class Storage(IJournalStorage inner, FaultyJournals faults) : IJournalStorage
    {
        public Task<JournalContents> Read(string journal) => inner.Read(journal);

        public Task Append(string journal, long sequence, byte[] record) =>
            faults._failing(journal) ? Task.FromException(new IOException($"Storage is down (test): '{journal}'.")) : inner.Append(journal, sequence, record);

        public Task WriteSnapshot(string journal, long sequence, byte[] snapshot) => inner.WriteSnapshot(journal, sequence, snapshot);
    }
}
