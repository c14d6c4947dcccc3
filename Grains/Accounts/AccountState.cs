namespace TicketMaster.Grains.Accounts;

[GenerateSerializer, Alias("AccountState")]
public sealed class AccountState
{
    /// <summary>Chosen before the user grain is set up, so a retried registration finishes the same user.</summary>
    [Id(0)] public string? UserId { get; set; }

    [Id(1)] public bool Completed { get; set; }

    // Ids 2 and 3 held one count and lock for the whole account (anyone could lock its owner out): retired.

    /// <summary>Wrong passwords per source (client address) since that source's last success (<see cref="SignInThrottle"/>).</summary>
    [Id(4)] public Dictionary<string, SourceFailures> FailedSignIns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 of the secret of the one password reset that may still be used; the secret itself is only in the mail.</summary>
    [Id(5)] public byte[]? ResetHash { get; set; }

    [Id(6)] public DateTimeOffset ResetExpiresAt { get; set; }

    /// <summary>When the last reset mail was asked for: one per <see cref="PasswordResetOptions.Interval"/>, however many requests.</summary>
    [Id(7)] public DateTimeOffset? ResetRequestedAt { get; set; }
}
