namespace TicketMaster.Grains.Payments;

[GenerateSerializer, Alias("PaymentLedgerState")]
public sealed class PaymentLedgerState
{
    /// <summary>Null until charged.</summary>
    [Id(0)] public string? ChargeId { get; set; }
    [Id(1)] public decimal Amount { get; set; }
    [Id(2)] public string Currency { get; set; } = "";
    [Id(3)] public int Refunds { get; set; }
}
