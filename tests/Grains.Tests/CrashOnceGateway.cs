using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// The test gateway, except that a token starting <c>tok_crash</c> is charged and then the call
/// dies before the booking hears of it: the "died halfway" of the idempotency rule.
/// </summary>
public sealed class CrashOnceGateway(SandboxPaymentGateway inner) : IPaymentGateway
{
    private readonly HashSet<string> _crashed = [];

    public async Task<PaymentResult> Charge(PaymentRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.Charge(request, cancellationToken);
        if (request.Token.StartsWith("tok_crash", StringComparison.Ordinal))
        {
            lock (_crashed)
            {
                if (_crashed.Add(request.IdempotencyKey)) throw new InvalidOperationException("Connection reset after the charge was made.");
            }
        }
        return result;
    }

    public Task Refund(string chargeId, CancellationToken cancellationToken) => inner.Refund(chargeId, cancellationToken);
}
