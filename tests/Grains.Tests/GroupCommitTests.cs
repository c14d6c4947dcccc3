using TicketMaster.Catalog;
using TicketMaster.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TicketMaster.Grains.Events;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GroupCommitTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task With_storage_failing_now_and_then_no_caller_is_told_held_for_a_seat_storage_lacks()
    {
        var eventId = await TestCatalog.CreateEvent(fixture,
            SectionDefinition.Seated("A", "A", 20, 25), SectionDefinition.GeneralAdmission("GA", "Standing", 500));
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var journal = EventJournal.Name(eventId);
        fixture.Journals.FailEveryNthAppend(journal, 5);
        var random = new Random(7);

        // Waves of concurrent callers: each wave makes at least two writes (the first caller's, then
        // everyone else's), so the failure every 5th write is sure to hit batches of many callers.
        var outcomes = new List<(ReserveResult? Result, Exception? Error)>();
        for (var wave = 0; wave < 30; wave++)
        {
            outcomes.AddRange(await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            {
                var user = TestCatalog.User();
                var request = random.Next(3) switch
                {
                    0 => ReserveRequest.BestAvailable(user, "A", random.Next(1, 4)),
                    1 => ReserveRequest.BestAvailable(user, "GA", random.Next(1, 4)),
                    _ => ReserveRequest.ChosenSeats(user, [$"A-{random.Next(1, 21)}-{random.Next(1, 26)}"]),
                };
                return Outcome(grain.Reserve(request));
            })));
        }
        fixture.Journals.FailEveryNthAppend(journal, 0);

        var told = outcomes.Where(o => o.Result?.Status == ReserveStatus.Held).Select(o => o.Result!.Reservation!).ToList();
        Assert.NotEmpty(told);
        Assert.Contains(outcomes, o => o.Error is RetryableException);

        // What storage holds is what a fresh activation loads: exactly the holds callers were told of.
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = await Eventually.Value(async () => await Retrying(() => grain.GetSeats(null)));
        var storedView = (await grain.GetView())!;
        var toldSeated = told.SelectMany(r => r.Seats).Where(s => s.SectionId == "A").Select(s => s.SeatId).ToHashSet();
        Assert.Equal(toldSeated, stored.Seats.Where(s => s.Status == SeatStatus.Held).Select(s => s.SeatId).ToHashSet());
        Assert.Equal(told.SelectMany(r => r.Seats).Count(s => s.SectionId == "GA"), storedView.Sections.Single(s => s.SectionId == "GA").Held);
        Assert.Equal(0, (await grain.Audit()).SeatsClaimedTwice);
    }

    [Fact]
    public async Task Callers_who_change_seats_while_a_write_is_in_flight_share_the_next_write()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var journal = EventJournal.Name(eventId);
        var appendsBefore = fixture.Journals.AppendsOf(journal);
        fixture.Journals.CloseGate(journal);
        try
        {
            var first = grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1));
            await Eventually.True(() => fixture.Journals.WaitingAtGate(journal) == 1);
            var rest = Enumerable.Range(0, 99).Select(_ => grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1))).ToList();
            // Reads see memory at once: all 100 holds are made while the first write still waits.
            await Eventually.True(async () => (await grain.GetView())!.Sections.Single().Held == 100);

            fixture.Journals.OpenGate(journal);
            var results = await Task.WhenAll(rest.Append(first));

            Assert.All(results, r => Assert.Equal(ReserveStatus.Held, r.Status));
            Assert.Equal(2, fixture.Journals.AppendsOf(journal) - appendsBefore);
        }
        finally
        {
            fixture.Journals.OpenGate(journal);
        }
    }

    [Fact]
    public async Task A_view_during_a_burst_of_reserves_answers_without_waiting_for_them()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var journal = EventJournal.Name(eventId);
        fixture.Journals.CloseGate(journal);
        try
        {
            var reserves = Enumerable.Range(0, 100)
                .Select(_ => grain.Reserve(ReserveRequest.BestAvailable(TestCatalog.User(), "A", 1)))
                .ToList();
            await Eventually.True(() => fixture.Journals.WaitingAtGate(journal) > 0);

            var view = await grain.GetView();
            var seats = await grain.GetSeats("A");

            Assert.NotNull(view);
            Assert.NotNull(seats);
            Assert.DoesNotContain(reserves, r => r.IsCompleted);
            fixture.Journals.OpenGate(journal);
            Assert.All(await Task.WhenAll(reserves), r => Assert.Equal(ReserveStatus.Held, r.Status));
        }
        finally
        {
            fixture.Journals.OpenGate(journal);
        }
    }

    [Fact]
    public async Task Two_activations_on_one_journal_the_stale_ones_append_is_refused_and_it_reloads()
    {
        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        var mine = (await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-1-1"]))).Reservation!;

        // Another activation (say, after a split brain) sold A-1-2 and appended first.
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        const int serial = 1_000;
        fixture.Journals.AppendAsAnotherActivation(EventJournal.Name(eventId), serializer.SerializeToArray(new EventBatch(
            [new HoldAdded(serial, "u_other", ClusterFixture.Start.AddHours(1), [1], -1, 0), new HoldPinned(serial, "bkg_other"), new HoldSold(serial)])));

        await Assert.ThrowsAsync<RetryableException>(() => grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-1-2"])));

        var fresh = await Eventually.Value(async () => await Retrying(() => grain.GetSeats("A")));
        var statuses = fresh.Seats.ToDictionary(s => s.SeatId, s => s.Status);
        Assert.Equal(SeatStatus.Sold, statuses["A-1-2"]);
        Assert.Equal(SeatStatus.Held, statuses["A-1-1"]);
        Assert.Equal(ReserveStatus.Unavailable, (await grain.Reserve(ReserveRequest.ChosenSeats(TestCatalog.User(), ["A-1-2"]))).Status);
        Assert.Equal(HoldStatus.Ok, (await grain.Release(mine.ReservationId, mine.UserId)).Status);
    }

    private static async Task<T?> Retrying<T>(Func<Task<T?>> call) where T : class
    {
        try { return await call(); }
        catch (RetryableException) { return null; }
    }

    private static async Task<(ReserveResult? Result, Exception? Error)> Outcome(Task<ReserveResult> call)
    {
        try { return (await call, null); }
        catch (Exception e) { return (null, e); }
    }
}
