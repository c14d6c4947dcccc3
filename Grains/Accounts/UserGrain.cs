using Microsoft.AspNetCore.Identity;
using TicketMaster.Accounts;

namespace TicketMaster.Grains.Accounts;

public sealed class UserGrain(
    [PersistentState("user", StorageNames.Grains)] IPersistentState<UserState> state,
    IPasswordHasher<UserState> hasher) : Grain, IUserGrain
{
    private string UserId => this.GetPrimaryKeyString();

    public async Task SetUp(string email, string password, string displayName, IReadOnlyList<string> roles)
    {
        state.State.Email = email;
        state.State.DisplayName = displayName;
        state.State.Roles = [.. roles];
        state.State.PasswordHash = hasher.HashPassword(state.State, password);
        await state.WriteStateAsync();
    }

    public async Task<UserIdentity?> Verify(string password)
    {
        if (!state.RecordExists) return null;
        var outcome = hasher.VerifyHashedPassword(state.State, state.State.PasswordHash, password);
        if (outcome == PasswordVerificationResult.Failed) return null;
        if (outcome == PasswordVerificationResult.SuccessRehashNeeded)
        {
            state.State.PasswordHash = hasher.HashPassword(state.State, password);
            await state.WriteStateAsync();
        }
        return Identity();
    }

    public async Task<UserIdentity?> SetRoles(IReadOnlyList<string> roles)
    {
        if (!state.RecordExists) return null;
        state.State.Roles = [.. roles.Distinct()];
        await state.WriteStateAsync();
        return Identity();
    }

    public async Task<bool> SetPassword(string password)
    {
        if (!state.RecordExists) return false;
        state.State.PasswordHash = hasher.HashPassword(state.State, password);
        await state.WriteStateAsync();
        return true;
    }

    public Task<UserIdentity?> Get() => Task.FromResult(state.RecordExists ? Identity() : null);

    private UserIdentity Identity() => new(UserId, state.State.Email, state.State.DisplayName, [.. state.State.Roles]);
}
