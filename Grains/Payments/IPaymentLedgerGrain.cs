namespace TicketMaster.Grains.Payments;

/// <summary>
/// One shard of the sandbox's ledger (key: <see cref="LedgerShards.Of"/> of the idempotency key).
/// One activation in the cluster and its charges in a journal: a retry on any silo, after any
/// failover, finds the charge made before and gets the same charge back; the charges of many
/// bookings at once share one append.
/// </summary>
public interface IPaymentLedgerGrain : IGrainWithIntegerKey
{
    /// <summary>Records the charge unless one exists for this key; answers the recorded charge once it is durable.</summary>
    Task<LedgerEntry> Charge(string idempotencyKey, decimal amount, string currency);

    /// <summary>Records the refund unless recorded already; null when nothing was charged under this key.</summary>
    Task<LedgerEntry?> Refund(string idempotencyKey);

    /// <summary>The charge, or null when nothing was charged under this key.</summary>
    Task<LedgerEntry?> Get(string idempotencyKey);
}

/// <param name="Refunds">How many refunds moved money back: 0 or 1, whatever the number of refund calls.</param>
[GenerateSerializer, Immutable, Alias("LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string ChargeId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] int Refunds)
{
    public bool Refunded => Refunds > 0;
}
