using System.Collections.Concurrent;

namespace TicketMaster.Grains.Payments;

/// <summary>
/// The built-in gateway of docs/api.md: <c>tok_decline…</c> is declined, <c>tok_timeout…</c> never
/// answers (the caller's timeout fires), anything else is approved. It keeps its ledger so tests
/// can prove nothing was charged twice.
/// </summary>
public sealed class TestPaymentGateway : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, LedgerEntry> _charges = new();

    public sealed record LedgerEntry(string ChargeId, string IdempotencyKey, decimal Amount, string Currency)
    {
        public bool Refunded { get; set; }
    }

    public IReadOnlyCollection<LedgerEntry> Charges => _charges.Values.ToList();

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
        var charge = _charges.GetOrAdd(request.IdempotencyKey,
            key => new LedgerEntry("ch_" + Guid.NewGuid().ToString("N"), key, request.Amount, request.Currency));
        return PaymentResult.Approve(charge.ChargeId);
    }

    public Task Refund(string chargeId, CancellationToken cancellationToken)
    {
        foreach (var charge in _charges.Values.Where(c => c.ChargeId == chargeId))
        {
            charge.Refunded = true;
        }
        return Task.CompletedTask;
    }
}
