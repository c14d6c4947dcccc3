namespace TicketMaster.Grains.Mail;

/// <summary>Configuration <c>Mail</c>, the outbox's part: how a mail that could not be delivered waits before its next try.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The wait after the first failed try; it doubles with every further one.</summary>
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between tries: a relay that was down is used again within this once it is back.</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(RetryMin.Ticks * factor, RetryMax.Ticks));
    }
}
