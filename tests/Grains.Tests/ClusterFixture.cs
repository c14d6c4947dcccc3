using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using TicketMaster.Grains.Persistence;
using Orleans.TestingHost;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

/// <summary>One in-process silo with memory storage and a fake booking clock, shared by a test collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime, ISagaCluster
{
    public static readonly DateTimeOffset Start = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The sandbox gateway as a client sees it: its ledger lives in the cluster.</summary>
    public SandboxPaymentGateway Payments => new(Cluster.Client);

    /// <summary>The silo's gateway, once a payment has asked for it.</summary>
    public CrashOnceGateway Gateway { get; private set; } = null!;

    /// <summary>The journals (events and waiting-room shards), which tests can make fail or stall.</summary>
    public FaultyJournal Journals { get; } = new();

    /// <summary>Small, so tests cross it: snapshots and compaction run often.</summary>
    public const int SnapshotChanges = 300;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public Task<string> CreateSeatedEvent(int rows, int seatsPerRow) => TestCatalog.CreateSeatedEvent(this, rows, seatsPerRow);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IJournalStorage>(Journals);
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StorageNames.Streams);
            silo.UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<TimeProvider>(BookingClock.Key, Time);
            silo.Services.AddSingleton<IPaymentGateway>(sp => Gateway = new CrashOnceGateway(sp.GetRequiredService<SandboxPaymentGateway>()));
            silo.Services.AddTicketMasterGrains(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Booking:PaymentTimeout"] = "00:00:02",
                // Sweeps often, so a sale whose booking never came back is settled within a test's patience.
                ["Booking:ExpirySweepPeriod"] = "00:00:01",
                ["Accounts:PasswordHasher:IterationCount"] = "1000",
                ["Journal:SnapshotChanges"] = SnapshotChanges.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
