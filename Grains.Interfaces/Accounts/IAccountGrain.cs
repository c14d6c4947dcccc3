namespace TicketMaster.Accounts;

/// <summary>
/// The email -> user id index (key: normalised email). Registration runs here so two sign-ups of
/// one email are serialised and only one can win.
/// </summary>
[Alias("IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the user unless the email is taken.</summary>
    [Alias("Register")]
    Task<RegisterResult> Register(string email, string password, string displayName);

    /// <summary>Creates the user or resets its password and roles: the configured admin account.</summary>
    [Alias("Ensure")]
    Task<string> Ensure(string email, string password, string displayName, IReadOnlyList<string> roles);

    /// <summary>The user id of the email's account, or null when there is none (a transfer's receiver is found by email).</summary>
    [Alias("UserIdOf")]
    Task<string?> UserIdOf();

    /// <summary>
    /// The user when the password is right; no user otherwise, whether or not the email exists.
    /// After repeated failures in a row from one <paramref name="source"/> (the client's address) that
    /// source is locked for a growing while and refused every attempt, the right password too; other
    /// sources, the owner's, are not. A success resets its source's count.
    /// </summary>
    [Alias("SignInFrom")]
    Task<SignInOutcome> SignIn(string password, string source);

    /// <summary>
    /// Mails a one-time reset link to the account's address (through the outbox); nothing for an email
    /// without an account, or when a mail was asked for moments ago. The caller learns neither.
    /// </summary>
    [Alias("RequestReset")]
    Task RequestReset();

    /// <summary>Sets a new password with the secret of the last reset mail (once, before it expires), ending any lockout; false for a used, expired or unknown secret.</summary>
    [Alias("ResetPassword")]
    Task<bool> ResetPassword(string secret, string password);
}
