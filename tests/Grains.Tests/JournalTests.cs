using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JournalTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_journal_past_the_snapshot_threshold_is_compacted_and_reloads_to_the_same_state()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, SectionDefinition.Seated("A", "A", 20, 40), SectionDefinition.GeneralAdmission("GA", "Standing", 900));
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var journal = EventJournal.Name(eventId);
        var held = new List<Reservation>();
        for (var i = 0; i < 2 * ClusterFixture.SnapshotChanges; i++)
        {
            var request = i % 3 == 0 ? ReserveRequest.BestAvailable(TestCatalog.User(), "GA", 2) : ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1);
            held.Add((await grain.Reserve(request)).Reservation!);
        }
        foreach (var reservation in held.Where((_, i) => i % 5 == 0)) await grain.Release(reservation.ReservationId, reservation.UserId);

        var compacted = await Eventually.Value(() => fixture.Journals.Contents(journal) is { SnapshotSequence: > 0 } c ? c : null);
        Assert.All(compacted.Records, r => Assert.True(r.Sequence > compacted.SnapshotSequence));
        Assert.True(compacted.Records.Count < held.Count, "Records covered by the snapshot are dropped.");

        var seats = await grain.GetSeats(null);
        var view = await grain.GetView();
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(seats!.Seats, (await grain.GetSeats(null))!.Seats);
        Assert.Equal(view!.Sections, (await grain.GetView())!.Sections);
        Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
        // Reservation ids made before the snapshot still work after it.
        Assert.Equal(HoldStatus.Ok, (await grain.Release(held[1].ReservationId, held[1].UserId)).Status);
    }

    [Fact]
    public async Task A_journal_record_that_cannot_be_read_stops_the_activation_naming_the_event_and_sequence()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 2))).Status);
        var sequence = fixture.Journals.AppendAsAnotherActivation(EventJournal.Name(eventId), [0xde, 0xad, 0xbe, 0xef]);

        await fixture.Cluster.DeactivateAsync(grain);
        var error = await Record.ExceptionAsync(() => grain.GetView());

        Assert.NotNull(error);
        Assert.IsNotType<RetryableException>(error);
        Assert.Contains($"event/{eventId}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"sequence {sequence}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_memory_journal_refuses_a_taken_or_stale_sequence_even_after_compaction()
    {
        var storage = new MemoryJournalStorage(Grains);
        var journal = "test/" + Guid.NewGuid().ToString("N");
        await storage.Append(journal, 1, [1]);
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 1, [9]));
        await storage.Append(journal, 2, [2]);
        await storage.Append(journal, 3, [3]);
        await storage.WriteSnapshot(journal, 3, [7, 7]);
        await storage.WriteSnapshot(journal, 2, [6]);

        // An activation that read the journal at sequence 1 is two appends and a snapshot behind.
        await Assert.ThrowsAsync<JournalConflictException>(() => storage.Append(journal, 2, [9]));
        await storage.Append(journal, 4, [4]);

        var contents = await storage.Read(journal);
        Assert.Equal(3, contents.SnapshotSequence);
        Assert.Equal([7, 7], contents.Snapshot);
        Assert.Equal([4L], contents.Records.Select(r => r.Sequence));
        Assert.Equal(4, contents.LastSequence);
    }
}
