using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketMaster.Accounts;

namespace TicketMaster.Grains.Accounts;

/// <summary>
/// Keyed by normalised email: the one place that decides who owns an email, and that counts its
/// wrong passwords per source (<see cref="SignInThrottle"/>), so a lockout holds on every silo (it is in grain state).
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IPasswordHasher<UserState> hasher,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<SignInLockoutOptions> lockout) : Grain, IAccountGrain
{
    // Verified when the email is unknown, so a wrong email costs as long as a wrong password.
    private static string? s_decoyHash;

    private bool Exists => state.State.Completed && state.State.UserId is not null;

    public async Task<RegisterResult> Register(string email, string password, string displayName)
    {
        if (state.State.Completed) return new RegisterResult(false, null);
        // Failures counted before the account existed (held in memory only) are not its own.
        state.State.FailedSignIns.Clear();
        var userId = await SetUpUser(email, password, displayName, []);
        return new RegisterResult(true, userId);
    }

    /// <summary>Setting the password again (the operator's admin account) also lifts every lock.</summary>
    public Task<string> Ensure(string email, string password, string displayName, IReadOnlyList<string> roles)
    {
        state.State.FailedSignIns.Clear();
        return SetUpUser(email, password, displayName, roles);
    }

    public Task<string?> UserIdOf()
    {
        if (Exists) return Task.FromResult(state.State.UserId);
        // A made-up email leaves no activation behind.
        DeactivateOnIdle();
        return Task.FromResult<string?>(null);
    }

    public async Task<SignInOutcome> SignIn(string password, string source)
    {
        var now = time.GetUtcNow();
        var failures = state.State.FailedSignIns;
        // Locked: refused before the hash is checked, which also spares the CPU an attack would cost.
        if (SignInThrottle.LockedFor(failures, source, now) is { } lockedFor) return new SignInOutcome(null, lockedFor);

        var user = Exists
            ? await GrainFactory.GetGrain<IUserGrain>(state.State.UserId!).Verify(password)
            : Decoy(password);
        if (user is not null)
        {
            if (SignInThrottle.Succeeded(failures, source)) await state.WriteStateAsync();
            return new SignInOutcome(user, null);
        }

        SignInThrottle.Failed(failures, source, now, lockout.Value);
        // An email with no account keeps its count in this activation only: made-up emails leave nothing in storage.
        if (Exists) await state.WriteStateAsync();
        return SignInOutcome.Wrong;
    }

    private UserIdentity? Decoy(string password)
    {
        var decoy = new UserState();
        s_decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoy, s_decoyHash, password);
        return null;
    }

    private async Task<string> SetUpUser(string email, string password, string displayName, IReadOnlyList<string> roles)
    {
        if (state.State.UserId is null)
        {
            state.State.UserId = "u_" + Guid.NewGuid().ToString("N");
            await state.WriteStateAsync();
        }
        await GrainFactory.GetGrain<IUserGrain>(state.State.UserId).SetUp(email, password, displayName, roles);
        state.State.Completed = true;
        await state.WriteStateAsync();
        return state.State.UserId;
    }
}
