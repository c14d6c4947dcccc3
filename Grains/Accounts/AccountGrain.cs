using Microsoft.AspNetCore.Identity;
using TicketMaster.Accounts;

namespace TicketMaster.Grains.Accounts;

/// <summary>Keyed by normalised email: the one place that decides who owns an email.</summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IPasswordHasher<UserState> hasher) : Grain, IAccountGrain
{
    // Verified when the email is unknown, so a wrong email costs as long as a wrong password.
    private static string? s_decoyHash;

    public async Task<RegisterResult> Register(string email, string password, string displayName)
    {
        if (state.State.Completed) return new RegisterResult(false, null);
        var userId = await SetUpUser(email, password, displayName, []);
        return new RegisterResult(true, userId);
    }

    public Task<string> Ensure(string email, string password, string displayName, IReadOnlyList<string> roles) =>
        SetUpUser(email, password, displayName, roles);

    public async Task<UserIdentity?> SignIn(string password)
    {
        if (state.State.Completed && state.State.UserId is { } userId)
        {
            return await GrainFactory.GetGrain<IUserGrain>(userId).Verify(password);
        }
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
        if (!state.State.Completed)
        {
            state.State.Completed = true;
            await state.WriteStateAsync();
        }
        return state.State.UserId;
    }
}
