using TicketMaster.Accounts;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AccountTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Two_registrations_of_one_email_only_one_wins()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => account.Register("x@example.com", $"password-{i}", $"User {i}")));

        var winner = Assert.Single(results, r => r.Created);
        Assert.NotNull(winner.UserId);
        var index = Array.IndexOf(results, winner);
        Assert.Equal(winner.UserId, (await account.SignIn($"password-{index}"))!.UserId);
    }

    [Fact]
    public async Task Sign_in_fails_for_a_wrong_password_and_for_an_unknown_email()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("someone@example.com", "correct horse", "Someone");

        Assert.Null(await account.SignIn("wrong horse"));
        Assert.Null(await fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com").SignIn("correct horse"));
        var user = await account.SignIn("correct horse");
        Assert.Equal(("someone@example.com", "Someone"), (user!.Email, user.DisplayName));
        Assert.Empty(user.Roles);
    }

    [Fact]
    public async Task Ensuring_an_account_sets_its_roles_and_resets_its_password()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("admin@example.com", "first password", "Admin");

        await account.Ensure("admin@example.com", "second password", "Administrator", [Roles.Admin]);

        Assert.Null(await account.SignIn("first password"));
        Assert.Equal([Roles.Admin], (await account.SignIn("second password"))!.Roles);
    }
}
