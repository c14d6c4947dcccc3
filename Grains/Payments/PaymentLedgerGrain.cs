using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Payments;

/// <summary>
/// One shard of the sandbox's charges. Reentrant so that charges of many bookings meet in one
/// append; each call checks and records in one turn, so two racing charges with one key still make
/// one charge (the second sees the first's record and waits until it is durable).
/// </summary>
[Reentrant]
public sealed class PaymentLedgerGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    ILogger<PaymentLedgerGrain> logger) : Grain, IPaymentLedgerGrain
{
    private BatchedJournal<PaymentLedgerState, LedgerChange, LedgerBatch> _ledger = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ledger = new(journals, serializer, journalOptions.Value, LedgerShards.JournalName(this.GetPrimaryKeyLong()), "ledger",
            changes => new LedgerBatch(changes), batch => batch.Changes, (state, change) => state.Apply(change), DeactivateOnIdle, logger);
        return _ledger.Load();
    }

    public async Task<LedgerEntry> Charge(string idempotencyKey, decimal amount, string currency)
    {
        _ledger.EnsureCurrent();
        if (!_ledger.State.Charges.ContainsKey(idempotencyKey)) _ledger.Record(new LedgerCharged(idempotencyKey, amount, currency));
        // A charge seen in memory may still be in flight: the answer waits until it is durable either way.
        await _ledger.Durable();
        return _ledger.State.Charges[idempotencyKey];
    }

    public async Task<LedgerEntry?> Refund(string idempotencyKey)
    {
        _ledger.EnsureCurrent();
        if (!_ledger.State.Charges.TryGetValue(idempotencyKey, out var entry)) return null;
        if (!entry.Refunded) _ledger.Record(new LedgerRefunded(idempotencyKey));
        await _ledger.Durable();
        return _ledger.State.Charges[idempotencyKey];
    }

    public async Task<LedgerEntry?> Get(string idempotencyKey)
    {
        _ledger.EnsureCurrent();
        if (!_ledger.State.Charges.TryGetValue(idempotencyKey, out var entry)) return null;
        // Only what is durable is told: a charge still in flight could yet be lost with its batch.
        await _ledger.Durable();
        return _ledger.State.Charges.GetValueOrDefault(idempotencyKey);
    }
}
