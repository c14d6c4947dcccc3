using Orleans.Runtime;
using TicketMaster.Accounts;
using TicketMaster.Grains.Accounts;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AccountTests(ClusterFixture fixture)
{
    private const string Guesser = "203.0.113.5";
    private const string Owner = "198.51.100.8";

    [Fact]
    public async Task Two_registrations_of_one_email_only_one_wins()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => account.Register("x@example.com", $"password-{i}", $"User {i}")));

        var winner = Assert.Single(results, r => r.Created);
        Assert.NotNull(winner.UserId);
        var index = Array.IndexOf(results, winner);
        Assert.Equal(winner.UserId, (await account.SignIn($"password-{index}", Guesser)).User!.UserId);
    }

    [Fact]
    public async Task Sign_in_fails_for_a_wrong_password_and_for_an_unknown_email()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("someone@example.com", "correct horse", "Someone");

        Assert.Null((await account.SignIn("wrong horse", Guesser)).User);
        Assert.Null((await fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com").SignIn("correct horse", Guesser)).User);
        var user = (await account.SignIn("correct horse", Guesser)).User;
        Assert.Equal(("someone@example.com", "Someone"), (user!.Email, user.DisplayName));
        Assert.Empty(user.Roles);
    }

    [Fact]
    public async Task Ensuring_an_account_sets_its_roles_and_resets_its_password()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("admin@example.com", "first password", "Admin");

        await account.Ensure("admin@example.com", "second password", "Administrator", [Roles.Admin]);

        Assert.Null((await account.SignIn("first password", Guesser)).User);
        Assert.Equal([Roles.Admin], (await account.SignIn("second password", Guesser)).User!.Roles);
    }

    [Fact]
    public async Task After_repeated_wrong_passwords_the_account_refuses_even_the_right_one_for_a_growing_while()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("locked@example.com", "correct horse", "Locked");
        var threshold = new SignInLockoutOptions().Threshold;

        for (var i = 0; i < threshold; i++) Assert.Equal(SignInOutcome.Wrong, await account.SignIn("wrong horse", Guesser));
        var locked = await account.SignIn("correct horse", Guesser);
        Assert.Null(locked.User);
        Assert.Equal(TimeSpan.FromMinutes(1), locked.LockedFor);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        // One more failure after the lock doubles the next one.
        Assert.Equal(SignInOutcome.Wrong, await account.SignIn("wrong horse", Guesser));
        Assert.Equal(TimeSpan.FromMinutes(2), (await account.SignIn("correct horse", Guesser)).LockedFor);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull((await account.SignIn("correct horse", Guesser)).User);
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_lock_the_owner_out_from_another()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("owner@example.com", "correct horse", "Owner");
        for (var i = 0; i < new SignInLockoutOptions().Threshold + 3; i++) await account.SignIn("wrong horse", Guesser);

        Assert.NotNull((await account.SignIn("correct horse", Guesser)).LockedFor);
        Assert.NotNull((await account.SignIn("correct horse", Owner)).User);
        // The owner's success clears the owner's count only: the guesser stays locked.
        Assert.NotNull((await account.SignIn("correct horse", Guesser)).LockedFor);
    }

    [Fact]
    public void However_many_addresses_guess_an_account_keeps_at_most_a_hundred_counts_and_the_newest_locks()
    {
        var sources = new Dictionary<string, SourceFailures>();
        var options = new SignInLockoutOptions();
        var now = DateTimeOffset.UnixEpoch;

        for (var address = 0; address < 1000; address++)
        {
            for (var i = 0; i < options.Threshold; i++) SignInThrottle.Failed(sources, $"10.0.{address / 256}.{address % 256}", now.AddSeconds(address), options);
        }

        Assert.Equal(SignInThrottle.MaxSources, sources.Count);
        Assert.NotNull(SignInThrottle.LockedFor(sources, "10.0.3.231", now.AddSeconds(1000)));
    }

    [Fact]
    public async Task A_success_resets_the_count_of_wrong_passwords()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        await account.Register("forgetful@example.com", "correct horse", "Forgetful");
        var threshold = new SignInLockoutOptions().Threshold;

        for (var i = 0; i < threshold - 1; i++) await account.SignIn("wrong horse", Guesser);
        Assert.NotNull((await account.SignIn("correct horse", Guesser)).User);
        for (var i = 0; i < threshold - 1; i++) await account.SignIn("wrong horse", Guesser);

        Assert.NotNull((await account.SignIn("correct horse", Guesser)).User);
    }

    [Fact]
    public async Task A_lock_is_in_grain_state_so_a_new_activation_on_any_silo_still_refuses()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var account = fixture.Grains.GetGrain<IAccountGrain>(email);
        await account.Register("moved@example.com", "correct horse", "Moved");
        // The control: an email with no account keeps its lock in memory only.
        var unknown = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");
        for (var i = 0; i < new SignInLockoutOptions().Threshold; i++)
        {
            await account.SignIn("wrong horse", Guesser);
            await unknown.SignIn("wrong horse", Guesser);
        }

        // Every idle activation goes; the next call activates the account afresh from storage.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var again = await fixture.Grains.GetGrain<IAccountGrain>(email).SignIn("correct horse", Guesser);
        Assert.Null(again.User);
        Assert.NotNull(again.LockedFor);
        // The memory-only lock is gone, so the activations really were new ones.
        Assert.Null((await unknown.SignIn("wrong horse", Guesser)).LockedFor);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_for_an_unknown_email_lock_it_too_so_a_lock_does_not_tell_which_emails_exist()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.com");

        for (var i = 0; i < new SignInLockoutOptions().Threshold; i++) await account.SignIn("wrong horse", Guesser);

        Assert.NotNull((await account.SignIn("wrong horse", Guesser)).LockedFor);
    }
}
