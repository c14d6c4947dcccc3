using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using TicketMaster.Grains.Payments;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// Three silos, each with its own gateway instance as separate processes would have, sharing only
/// storage: the ledger must be in the cluster, not in a silo.
/// </summary>
public sealed class PaymentFailoverTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> _storage = new();

    /// <summary>The ledger's journals, shared by every silo and outliving each, as a database does.</summary>
    private readonly FaultyJournal _journals = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IJournalStorage>(_journals);
            silo.Services.AddGrainStorage(StorageNames.Grains, (sp, _) => new SharedGrainStorage(_storage, sp.GetRequiredService<Serializer>()));
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StorageNames.Streams);
            silo.Services.AddTicketMasterGrains(new ConfigurationBuilder().Build());
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static IPaymentGateway GatewayOf(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IPaymentGateway>();

    private InProcessSiloHandle HostOf(string idempotencyKey)
    {
        var grain = _cluster.Client.GetGrain<IPaymentLedgerGrain>(LedgerShards.Of(idempotencyKey));
        Assert.True(_cluster.TryGetGrainContext(grain.GetGrainId(), out var activation));
        return _cluster.GetSiloForAddress(activation.Address.SiloAddress!)!;
    }

    [Fact]
    public async Task A_charge_retried_on_another_silo_after_the_ledgers_silo_dies_is_the_same_single_charge()
    {
        var request = new PaymentRequest("bk_failover", "tok_visa", 120m, "EUR");
        var first = await GatewayOf(_cluster.Silos[0]).Charge(request, CancellationToken.None);
        var victim = HostOf(request.IdempotencyKey);
        var survivor = _cluster.Silos.First(s => s != victim);

        await _cluster.KillSiloAsync(victim);
        await _cluster.WaitForLivenessToStabilizeAsync();
        var retried = await GatewayOf(survivor).Charge(request, CancellationToken.None);

        Assert.True(first.Approved);
        Assert.Equal(first.ChargeId, retried.ChargeId);
        Assert.NotEqual(victim, HostOf(request.IdempotencyKey));
        var entry = await ((SandboxPaymentGateway)GatewayOf(survivor)).Entry(request.IdempotencyKey);
        Assert.Equal((first.ChargeId, 120m, "EUR", 0), (entry!.ChargeId, entry.Amount, entry.Currency, entry.Refunds));
    }

    [Fact]
    public async Task A_refund_is_recorded_once_however_often_and_wherever_it_is_asked()
    {
        var request = new PaymentRequest("bk_refund", "tok_visa", 40m, "EUR");
        var charged = await GatewayOf(_cluster.Silos[0]).Charge(request, CancellationToken.None);

        await Task.WhenAll(_cluster.Silos.Select(s => GatewayOf(s).Refund(charged.ChargeId!, CancellationToken.None)));
        await GatewayOf(_cluster.Silos[1]).Refund(charged.ChargeId!, CancellationToken.None);

        var entry = await ((SandboxPaymentGateway)GatewayOf(_cluster.Silos[2])).Entry(request.IdempotencyKey);
        Assert.Equal(1, entry!.Refunds);
        Assert.True(entry.Refunded);
    }

    [Fact]
    public async Task Refunding_a_charge_the_sandbox_never_made_fails()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GatewayOf(_cluster.Silos[0]).Refund(SandboxPaymentGateway.ChargeIdFor("bk_never_charged"), CancellationToken.None));
    }
}
