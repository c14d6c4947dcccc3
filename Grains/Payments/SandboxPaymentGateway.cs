namespace TicketMaster.Grains.Payments;

/// <summary>
/// The built-in gateway (<c>Payments:Provider=Sandbox</c>, docs/payments.md): <c>tok_decline…</c> is
/// declined, <c>tok_timeout…</c> never answers (the caller's timeout fires), anything else is
/// approved. Its ledger is journaled in shards in the cluster, so "charged once" holds across silos.
/// </summary>
public sealed class SandboxPaymentGateway(IGrainFactory grains) : IPaymentGateway
{
    private const string ChargePrefix = "ch_sbx_";

    /// <summary>The charge id names its key, so a refund finds its ledger shard without an index.</summary>
    public static string ChargeIdFor(string idempotencyKey) => ChargePrefix + idempotencyKey;

    public async Task<PaymentResult> Charge(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.Token.StartsWith("tok_decline", StringComparison.Ordinal))
        {
            return PaymentResult.Decline("card_declined");
        }
        if (request.Token.StartsWith("tok_timeout", StringComparison.Ordinal))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        var charge = await Ledger(request.IdempotencyKey).Charge(request.IdempotencyKey, request.Amount, request.Currency).WaitAsync(cancellationToken);
        return PaymentResult.Approve(charge.ChargeId);
    }

    public async Task Refund(string chargeId, CancellationToken cancellationToken)
    {
        if (!chargeId.StartsWith(ChargePrefix, StringComparison.Ordinal)) throw new InvalidOperationException($"No sandbox charge '{chargeId}'.");
        var key = chargeId[ChargePrefix.Length..];
        if (await Ledger(key).Refund(key).WaitAsync(cancellationToken) is null) throw new InvalidOperationException($"No sandbox charge '{chargeId}'.");
    }

    public async Task<ChargeRecord?> Find(string idempotencyKey, CancellationToken cancellationToken) =>
        await Entry(idempotencyKey).WaitAsync(cancellationToken) is { } entry
            ? new ChargeRecord(entry.ChargeId, entry.Amount, entry.Currency, entry.Refunded)
            : null;

    /// <summary>The ledger's record for an idempotency key, or null when nothing was charged under it.</summary>
    public Task<LedgerEntry?> Entry(string idempotencyKey) => Ledger(idempotencyKey).Get(idempotencyKey);

    private IPaymentLedgerGrain Ledger(string idempotencyKey) => grains.GetGrain<IPaymentLedgerGrain>(LedgerShards.Of(idempotencyKey));
}
