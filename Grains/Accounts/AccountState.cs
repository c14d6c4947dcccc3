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
}
