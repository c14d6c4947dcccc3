namespace TicketMaster.Grains.Payments;

/// <summary>A card processor. Charges are idempotent by <see cref="PaymentRequest.IdempotencyKey"/>.</summary>
public interface IPaymentGateway
{
    /// <summary>Charges the token; cancelling <paramref name="cancellationToken"/> abandons the call (a timeout).</summary>
    Task<PaymentResult> Charge(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds a charge; refunding twice is harmless.</summary>
    Task Refund(string chargeId, CancellationToken cancellationToken);

    /// <summary>
    /// The charge made under <paramref name="idempotencyKey"/>, or null when none was made: how a
    /// sale whose booking died mid-payment is settled (charged means confirm, not charged means
    /// unpin) and how a refund finds its charge.
    /// </summary>
    Task<ChargeRecord?> Find(string idempotencyKey, CancellationToken cancellationToken);
}

public sealed record PaymentRequest(string IdempotencyKey, string Token, decimal Amount, string Currency);

public sealed record PaymentResult(bool Approved, string? ChargeId, string? DeclineReason)
{
    public static PaymentResult Approve(string chargeId) => new(true, chargeId, null);

    public static PaymentResult Decline(string reason) => new(false, null, reason);
}

/// <summary>A charge as the processor knows it.</summary>
public sealed record ChargeRecord(string ChargeId, decimal Amount, string Currency, bool Refunded);
