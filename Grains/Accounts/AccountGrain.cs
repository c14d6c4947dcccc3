using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TicketMaster.Accounts;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Accounts;

/// <summary>
/// Keyed by normalised email: the one place that decides who owns an email, and that counts its
/// wrong passwords per source (<see cref="SignInThrottle"/>), so a lockout holds on every silo (it is in grain state).
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IPasswordHasher<UserState> hasher,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<SignInLockoutOptions> lockout,
    IOptions<PasswordResetOptions> reset) : Grain, IAccountGrain
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

    public async Task RequestReset()
    {
        var now = time.GetUtcNow();
        if (!Exists)
        {
            DeactivateOnIdle();
            return;
        }
        if (state.State.ResetRequestedAt is { } last && now - last < reset.Value.Interval) return;
        var user = await GrainFactory.GetGrain<IUserGrain>(state.State.UserId!).Get();
        if (user is null) return;

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        state.State.ResetHash = hash;
        state.State.ResetExpiresAt = now + reset.Value.Lifetime;
        state.State.ResetRequestedAt = now;
        // The hash first: a crash before the mail is queued leaves a link nobody has (the fan asks again), never a mail whose link fails.
        await state.WriteStateAsync();
        var mailId = $"password-reset/{state.State.UserId}/{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
        var mail = new OutboxMail(mailId, user.Email, new PasswordResetMail(PasswordResetTokens.Of(state.State.UserId!, secret), state.State.ResetExpiresAt), now);
        await GrainFactory.GetGrain<IMailOutboxGrain>(MailShards.Of(mailId)).Enqueue([mail]);
    }

    public async Task<bool> ResetPassword(string secret, string password)
    {
        if (!Exists || state.State.ResetHash is not { } expected || time.GetUtcNow() >= state.State.ResetExpiresAt) return false;
        if (!CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(secret)))) return false;
        // Used up before the password changes: a crash between leaves the old password, never a link that works twice.
        state.State.ResetHash = null;
        state.State.FailedSignIns.Clear();
        await state.WriteStateAsync();
        return await GrainFactory.GetGrain<IUserGrain>(state.State.UserId!).SetPassword(password);
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
