using Microsoft.Extensions.Logging;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Payments;

/// <summary>
/// One charge of the sandbox gateway. Not reentrant, so two racing charges with one key are served
/// one after the other and the second reads the first's record. Writes go through
/// <see cref="GrainPersistence"/> like every other grain's: a failed write deactivates, and the
/// caller's retry finds what storage holds.
/// </summary>
public sealed class PaymentLedgerGrain(
    [PersistentState("payment", StorageNames.Grains)] IPersistentState<PaymentLedgerState> state,
    ILogger<PaymentLedgerGrain> logger) : Grain, IPaymentLedgerGrain
{
    private GrainPersistence _persistence = null!;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _persistence = new GrainPersistence($"payment '{Key}'", state.WriteStateAsync, DeactivateOnIdle, logger);
        return Task.CompletedTask;
    }

    public async Task<LedgerEntry> Charge(decimal amount, string currency)
    {
        _persistence.EnsureCurrent();
        if (state.State.ChargeId is null)
        {
            state.State.ChargeId = SandboxPaymentGateway.ChargeIdFor(Key);
            state.State.Amount = amount;
            state.State.Currency = currency;
            await _persistence.Durable();
        }
        return Entry()!;
    }

    public async Task<LedgerEntry?> Refund()
    {
        _persistence.EnsureCurrent();
        if (state.State.ChargeId is null) return null;
        if (state.State.Refunds == 0)
        {
            state.State.Refunds = 1;
            await _persistence.Durable();
        }
        return Entry();
    }

    public Task<LedgerEntry?> Get()
    {
        _persistence.EnsureCurrent();
        return Task.FromResult(Entry());
    }

    private LedgerEntry? Entry() => state.State.ChargeId is { } chargeId
        ? new LedgerEntry(Key, chargeId, state.State.Amount, state.State.Currency, state.State.Refunds)
        : null;
}
