namespace TicketMaster.Grains.Accounts;

[GenerateSerializer, Alias("AccountState")]
public sealed class AccountState
{
    /// <summary>Chosen before the user grain is set up, so a retried registration finishes the same user.</summary>
    [Id(0)] public string? UserId { get; set; }

    [Id(1)] public bool Completed { get; set; }

    /// <summary>Wrong passwords since the last success.</summary>
    [Id(2)] public int FailedSignIns { get; set; }

    /// <summary>Until then every sign-in is refused unchecked.</summary>
    [Id(3)] public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>SHA-256 of the secret of the one password reset that may still be used; the secret itself is only in the mail.</summary>
    [Id(4)] public byte[]? ResetHash { get; set; }

    [Id(5)] public DateTimeOffset ResetExpiresAt { get; set; }

    /// <summary>When the last reset mail was asked for: one per <see cref="PasswordResetOptions.Interval"/>, however many requests.</summary>
    [Id(6)] public DateTimeOffset? ResetRequestedAt { get; set; }
}
