namespace TicketMaster.Grains.Payments;

/// <summary>Which card processor the silo charges through (docs/payments.md).</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>The only provider built in; a real one registers here when it exists.</summary>
    public const string Sandbox = "Sandbox";

    public string Provider { get; set; } = Sandbox;
}
