namespace TicketMaster.Accounts;

/// <summary>
/// A sign-in's outcome: the user when the password was right; otherwise no user, and
/// <see cref="LockedFor"/> set while the account refuses attempts after repeated failures
/// (then the password was not even checked).
/// </summary>
[GenerateSerializer, Immutable, Alias("SignInOutcome")]
public sealed record SignInOutcome(
    [property: Id(0)] UserIdentity? User,
    [property: Id(1)] TimeSpan? LockedFor)
{
    public static SignInOutcome Wrong { get; } = new(null, null);
}
