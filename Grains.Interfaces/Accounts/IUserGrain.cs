namespace TicketMaster.Accounts;

/// <summary>One user (key: user id): profile, password hash and roles. Their bookings are listed by <see cref="Bookings.IBookingShardGrain"/>.</summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Sets the profile and password (hashed here, never stored in clear).</summary>
    [Alias("SetUp")]
    Task SetUp(string email, string password, string displayName, IReadOnlyList<string> roles);

    /// <summary>The user when the password matches; null otherwise.</summary>
    [Alias("Verify")]
    Task<UserIdentity?> Verify(string password);

    /// <summary>Replaces the user's roles; null when the user does not exist. Tokens issued before keep their roles until they expire.</summary>
    [Alias("SetRoles")]
    Task<UserIdentity?> SetRoles(IReadOnlyList<string> roles);

    /// <summary>Replaces the password (hashed here); false when the user does not exist.</summary>
    [Alias("SetPassword")]
    Task<bool> SetPassword(string password);

    /// <summary>The user, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<UserIdentity?> Get();
}
