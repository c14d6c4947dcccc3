using Orleans.Storage;
using TicketMaster.Grains.Accounts;

namespace TicketMaster.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class FirstWriteRaceTests(PostgresFixture postgres)
{
    private const string StateName = "first-write-race";

    [Fact]
    public async Task Two_first_writes_of_one_grain_state_race_and_exactly_one_wins()
    {
        await using var cluster = await PostgresCluster.StartAsync(postgres.ConnectionString, "svc-" + Guid.NewGuid().ToString("N"));
        var storage = cluster.Storage(StorageNames.Grains);

        // Many rounds, so the two inserts really meet in the database rather than one after the other.
        for (var round = 0; round < 25; round++)
        {
            var grainId = GrainId.Create("user", $"race-{round}-{Guid.NewGuid():N}");
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = new GrainState<UserState>(new UserState { Email = "a" });
            var b = new GrainState<UserState>(new UserState { Email = "b" });
            var writes = new[] { a, b }.Select(state => Task.Run(async () =>
            {
                await gate.Task;
                try
                {
                    await storage.WriteStateAsync(StateName, grainId, state);
                    return null;
                }
                catch (Exception e)
                {
                    return e;
                }
            })).ToArray();
            gate.SetResult();
            var outcomes = await Task.WhenAll(writes);

            Assert.Single(outcomes, e => e is null);
            Assert.Single(outcomes, e => e is InconsistentStateException);

            var winner = outcomes[0] is null ? a : b;
            var stored = new GrainState<UserState>();
            await storage.ReadStateAsync(StateName, grainId, stored);
            Assert.Equal(winner.State!.Email, stored.State!.Email);
            Assert.Equal("1", stored.ETag);
        }
    }

    [Fact]
    public async Task A_first_write_after_the_state_exists_is_refused()
    {
        await using var cluster = await PostgresCluster.StartAsync(postgres.ConnectionString, "svc-" + Guid.NewGuid().ToString("N"));
        var storage = cluster.Storage(StorageNames.Grains);
        var grainId = GrainId.Create("user", Guid.NewGuid().ToString("N"));
        await storage.WriteStateAsync(StateName, grainId, new GrainState<UserState>(new UserState { Email = "first" }));

        var late = new GrainState<UserState>(new UserState { Email = "late" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, late));

        var stored = new GrainState<UserState>();
        await storage.ReadStateAsync(StateName, grainId, stored);
        Assert.Equal("first", stored.State!.Email);
    }
}
