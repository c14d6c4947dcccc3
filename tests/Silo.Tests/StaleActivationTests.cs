using TicketMaster.Events;
using TicketMaster.Silo.Tests.Backends;

namespace TicketMaster.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StaleActivationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_stale_event_activation_fails_retryably_then_a_fresh_one_reloads_and_no_seat_is_held_twice()
    {
        await using var cluster = await PostgresCluster.StartAsync(postgres.ConnectionString, "svc-" + Guid.NewGuid().ToString("N"));
        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, rows: 5, seatsPerRow: 10);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        var first = TestEvents.User();
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(ReserveRequest.ChosenSeats(first, ["A-1-1"]))).Status);

        // Another activation of the same event (a split brain, a silo wrongly declared dead) holds
        // A-1-2 and appends first, the way the grain itself would: the next sequence of the journal.
        var other = TestEvents.User();
        var otherHold = await StoredEvent.ReserveAsAnotherActivationAsync(cluster, eventId, ReserveRequest.ChosenSeats(other, ["A-1-2"]));
        Assert.Equal(ReserveStatus.Held, otherHold.Status);

        // This activation still sees A-1-2 free; its append carries a taken sequence and is refused.
        var late = TestEvents.User();
        await Assert.ThrowsAsync<RetryableException>(() => grain.Reserve(ReserveRequest.ChosenSeats(late, ["A-1-2"])));

        // The stale activation drops itself; the next one loads what storage holds.
        await Eventually.Succeeds(() => grain.GetView(), TimeSpan.FromSeconds(15));
        var retried = await grain.Reserve(ReserveRequest.ChosenSeats(late, ["A-1-2"]));
        Assert.Equal(ReserveStatus.Unavailable, retried.Status);
        Assert.Equal(["A-1-2"], retried.Unavailable);

        var seats = (await grain.GetSeats(null))!.Seats;
        Assert.Equal(SeatStatus.Held, seats.Single(s => s.SeatId == "A-1-1").Status);
        Assert.Equal(SeatStatus.Held, seats.Single(s => s.SeatId == "A-1-2").Status);
        var audit = await grain.Audit();
        Assert.Equal(0, audit.SeatsClaimedTwice);
        Assert.Equal((2, 2), (audit.CountedHeld, audit.RecountedHeld));
        // The hold that stands is the other activation's, and only its owner may release it.
        Assert.Equal(HoldStatus.Forbidden, (await grain.Release(otherHold.Reservation!.ReservationId, late)).Status);
        Assert.Equal(HoldStatus.Ok, (await grain.Release(otherHold.Reservation!.ReservationId, other)).Status);
    }
}
