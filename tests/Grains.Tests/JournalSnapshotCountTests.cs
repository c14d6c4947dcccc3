using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using TicketMaster.Grains.Persistence;
using TicketMaster.Grains.Reservations;
using TicketMaster.Reservations;

namespace TicketMaster.Grains.Tests;

/// <summary>When a journal's next snapshot is due: counted from the last snapshot's sequence, not from when it finished writing.</summary>
public sealed class JournalSnapshotCountTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(HoldIndexBatch).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>Journals in memory whose snapshot writes wait until the test lets them finish.</summary>
    private sealed class GatedSnapshots : IJournalStorage
    {
        public readonly List<long> Snapshots = [];
        public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<JournalContents> Read(string journal) => Task.FromResult(new JournalContents(0, null, []));

        public Task Append(string journal, long sequence, byte[] record) => Task.CompletedTask;

        public async Task WriteSnapshot(string journal, long sequence, byte[] snapshot)
        {
            await Gate.Task;
            Snapshots.Add(sequence);
        }
    }

    [Fact]
    public async Task Appends_made_while_a_snapshot_is_written_count_toward_the_next_one()
    {
        var storage = new GatedSnapshots();
        var journal = new Journal<HoldIndexState, HoldIndexBatch>(storage, Serializer, new JournalOptions { SnapshotChanges = 10, SnapshotBytes = int.MaxValue },
            "test", "test", NullLogger.Instance);
        var state = new HoldIndexState();
        async Task Append() => await journal.Append(new HoldIndexBatch([new HoldsNoted([new HoldNote("u_1", "evt_1", DateTimeOffset.UnixEpoch)], DateTimeOffset.UnixEpoch)]), () => state);

        for (var i = 0; i < 10; i++) await Append();   // the 10th starts a snapshot at sequence 10
        for (var i = 0; i < 6; i++) await Append();    // made while it is written
        storage.Gate.SetResult();
        await Eventually.True(() => storage.Snapshots.Count == 1);

        // 6 made meanwhile + 4 = 10 changes past sequence 10: the next snapshot is due at the 4th append from here (the
        // 5th if the first raced the end of the write); counted from when the write finished, it would be the 10th.
        var appends = 0;
        while (storage.Snapshots.Count < 2 && appends < 12)
        {
            await Append();
            appends++;
            await Task.Delay(20);
        }
        Assert.InRange(appends, 4, 5);
        Assert.Equal(10L, storage.Snapshots[0]);
    }
}
