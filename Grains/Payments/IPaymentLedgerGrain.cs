namespace TicketMaster.Grains.Payments;

/// <summary>
/// The sandbox's record of one charge, keyed by the charge's idempotency key. One activation in the
/// cluster and its state in grain storage: a retry on any silo, after any failover, finds the charge
/// made before and gets the same charge back.
/// </summary>
public interface IPaymentLedgerGrain : IGrainWithStringKey
{
    /// <summary>Records the charge unless one exists for this key; answers the recorded charge.</summary>
    Task<LedgerEntry> Charge(decimal amount, string currency);

    /// <summary>Records the refund unless recorded already; null when nothing was charged under this key.</summary>
    Task<LedgerEntry?> Refund();

    /// <summary>The charge, or null when nothing was charged under this key.</summary>
    Task<LedgerEntry?> Get();
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
