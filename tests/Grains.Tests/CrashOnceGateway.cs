using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// The test gateway, except that a token starting <c>tok_crash</c> is charged and then the call
/// dies before the booking hears of it: the "died halfway" of the idempotency rule. A charge made
/// with a token starting <c>tok_refund_crash</c> is refunded the first time and then that call dies.
/// </summary>
public sealed class CrashOnceGateway(SandboxPaymentGateway inner) : IPaymentGateway
{
    private readonly HashSet<string> _crashed = [];
    private readonly HashSet<string> _refundsToCrash = [];

    /// <summary>Refund calls that reached the ledger, by charge id: a repeated refund shows here, even though the ledger refunds once.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> RefundCalls { get; } = new();

    public async Task<PaymentResult> Charge(PaymentRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.Charge(request, cancellationToken);
        if (request.Token.StartsWith("tok_refund_crash", StringComparison.Ordinal))
        {
            lock (_refundsToCrash) _refundsToCrash.Add(result.ChargeId!);
        }
        if (request.Token.StartsWith("tok_crash", StringComparison.Ordinal))
        {
            lock (_crashed)
            {
                if (_crashed.Add(request.IdempotencyKey)) throw new InvalidOperationException("Connection reset after the charge was made.");
            }
        }
        return result;
    }

    public Task<ChargeRecord?> Find(string idempotencyKey, CancellationToken cancellationToken) => inner.Find(idempotencyKey, cancellationToken);

    public async Task Refund(string chargeId, CancellationToken cancellationToken)
    {
        await inner.Refund(chargeId, cancellationToken);
        RefundCalls.AddOrUpdate(chargeId, 1, (_, n) => n + 1);
        lock (_refundsToCrash)
        {
            if (_refundsToCrash.Remove(chargeId)) throw new InvalidOperationException("Connection reset after the refund was made.");
        }
    }
}
