using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReminderTableTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Reminders_are_stored_found_by_grain_and_ring_range_and_removed_only_at_their_version()
    {
        await using var cluster = await PostgresCluster.StartAsync(postgres.ConnectionString, "svc-" + Guid.NewGuid().ToString("N"));
        var table = cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("event", "evt_" + Guid.NewGuid().ToString("N"));
        var start = new DateTime(2027, 5, 1, 19, 30, 0, DateTimeKind.Utc);

        var firstETag = await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "expire", StartAt = start, Period = TimeSpan.FromMinutes(1) });
        var secondETag = await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "expire", StartAt = start, Period = TimeSpan.FromDays(40) });
        Assert.NotEqual(firstETag, secondETag);

        var row = await table.ReadRow(grainId, "expire");
        Assert.Equal((start, TimeSpan.FromDays(40), secondETag), (row!.StartAt, row.Period, row.ETag));
        Assert.Equal("expire", Assert.Single((await table.ReadRows(grainId)).Reminders).ReminderName);

        var hash = grainId.GetUniformHashCode();
        Assert.Contains((await table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grainId);
        // (hash, hash - 1] wraps around the whole ring except this grain.
        Assert.DoesNotContain((await table.ReadRows(hash, hash - 1)).Reminders, r => r.GrainId == grainId);

        Assert.False(await table.RemoveRow(grainId, "expire", firstETag!));
        Assert.True(await table.RemoveRow(grainId, "expire", secondETag!));
        Assert.Empty((await table.ReadRows(grainId)).Reminders);
    }
}
