namespace TicketMaster.Accounts;

/// <summary>One user (key: user id): profile, password hash, roles and bookings.</summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Sets the profile and password (hashed here, never stored in clear).</summary>
    [Alias("SetUp")]
    Task SetUp(string email, string password, string displayName, IReadOnlyList<string> roles);

    /// <summary>The user when the password matches; null otherwise.</summary>
    [Alias("Verify")]
    Task<UserIdentity?> Verify(string password);

    /// <summary>The user, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<UserIdentity?> Get();

    /// <summary>Adds a confirmed booking to the user's list; repeating it is harmless.</summary>
    [Alias("AddBooking")]
    Task AddBooking(string bookingId);

    /// <summary>The user's booking ids, newest last.</summary>
    [Alias("GetBookingIds")]
    Task<IReadOnlyList<string>> GetBookingIds();
}
