namespace TicketMaster.Grains.Accounts;

/// <summary>Configuration <c>Accounts:PasswordReset</c>: how long a reset link works, and how often one address may be sent one.</summary>
public sealed class PasswordResetOptions
{
    public const string Section = "Accounts:PasswordReset";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Per address (the per-email half of the reset request's rate limit; the frontend limits per client address).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
