namespace TicketMaster.Grains.Payments;

/// <summary>A ledger shard's charges by idempotency key, as its snapshots store them.</summary>
[GenerateSerializer, Alias("PaymentLedgerShardState")]
public sealed class PaymentLedgerState
{
    [Id(0)] public Dictionary<string, LedgerEntry> Charges { get; set; } = [];

    /// <summary>The one way a change reaches the ledger, live or replayed.</summary>
    public void Apply(LedgerChange change)
    {
        switch (change)
        {
            case LedgerCharged charged:
                Charges.TryAdd(charged.IdempotencyKey, new LedgerEntry(
                    charged.IdempotencyKey, SandboxPaymentGateway.ChargeIdFor(charged.IdempotencyKey), charged.Amount, charged.Currency, 0));
                break;
            case LedgerRefunded refunded when Charges.TryGetValue(refunded.IdempotencyKey, out var entry):
                Charges[refunded.IdempotencyKey] = entry with { Refunds = 1 };
                break;
        }
    }
}
