namespace TicketMaster.Grains.Payments;

/// <summary>A card processor. Charges are idempotent by <see cref="PaymentRequest.IdempotencyKey"/>.</summary>
public interface IPaymentGateway
{
    /// <summary>Charges the token; cancelling <paramref name="cancellationToken"/> abandons the call (a timeout).</summary>
    Task<PaymentResult> Charge(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds a charge; refunding twice is harmless.</summary>
    Task Refund(string chargeId, CancellationToken cancellationToken);
}

public sealed record PaymentRequest(string IdempotencyKey, string Token, decimal Amount, string Currency);

public sealed record PaymentResult(bool Approved, string? ChargeId, string? DeclineReason)
{
    public static PaymentResult Approve(string chargeId) => new(true, chargeId, null);

    public static PaymentResult Decline(string reason) => new(false, null, reason);
}
