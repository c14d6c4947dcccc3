namespace TicketMaster.Grains;

/// <summary>Configuration section <c>Waitlist</c>.</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Waitlist";

    /// <summary>How long seats offered to a waiting fan stay held in their name before they pass to the next fan.</summary>
    public TimeSpan OfferDuration { get; set; } = TimeSpan.FromMinutes(15);
}
