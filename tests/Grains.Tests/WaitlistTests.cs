using TicketMaster.Bookings;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Tests;

/// <summary>Seats that come back go to the fans waiting for them, first come first offered.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitlistTests(ClusterFixture fixture)
{
    private IEventGrain Event(string eventId) => fixture.Grains.GetGrain<IEventGrain>(eventId);

    private async Task<Reservation> Hold(string eventId, string user, string section, int quantity)
    {
        var held = await Event(eventId).Reserve(ReserveRequest.BestAvailable(user, section, quantity));
        Assert.Equal(ReserveStatus.Held, held.Status);
        return held.Reservation!;
    }

    private async Task<int> Join(string eventId, string user, int quantity, string? section = null)
    {
        var joined = await Event(eventId).JoinWaitlist(user, quantity, section);
        Assert.Equal(WaitlistStatus.Waiting, joined.Status);
        return joined.Position;
    }

    [Fact]
    public async Task Returned_seats_go_to_the_first_fan_waiting_for_that_many_and_the_offer_is_bought_like_any_hold()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, SectionDefinition.GeneralAdmission("GA", "Standing", 3));
        var (holder, first, wantsTwo, second) = (TestCatalog.User(), TestCatalog.User(), TestCatalog.User(), TestCatalog.User());
        var released = await Hold(eventId, holder, "GA", 1);
        Assert.Equal(WaitlistStatus.SeatsAvailable, (await Event(eventId).JoinWaitlist(first, 1, "GA")).Status);
        await Hold(eventId, TestCatalog.User(), "GA", 2);

        Assert.Equal(1, await Join(eventId, first, 1));
        Assert.Equal(2, await Join(eventId, wantsTwo, 2));
        Assert.Equal(3, await Join(eventId, second, 1));
        Assert.Equal(1, await Join(eventId, first, 1));

        Assert.Equal(HoldStatus.Ok, (await Event(eventId).Release(released.ReservationId, holder)).Status);

        var offer = Assert.Single(await Event(eventId).HoldsOf(first));
        Assert.Empty(await Event(eventId).HoldsOf(second));
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(15), offer.ExpiresAt);
        // The fan waiting for two keeps the head of the list; the one behind waits on.
        Assert.Equal(1, await Join(eventId, wantsTwo, 2));
        Assert.Equal(2, await Join(eventId, second, 1));
        var booked = await fixture.Grains.GetGrain<IBookingGrain>(BookingIds.For(first, "offer")).Book(new BookCommand(first, offer.ReservationId, "tok_visa"));
        Assert.Equal(BookStatus.Confirmed, booked.Status);
    }

    [Fact]
    public async Task An_offer_not_bought_in_time_passes_to_the_next_fan_and_nobody_is_offered_past_the_ticket_limit()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, maxTicketsPerFan: 1,
            SectionDefinition.GeneralAdmission("GA", "Standing", 1), SectionDefinition.GeneralAdmission("B", "Balcony", 5));
        var (holder, greedy, late, next) = (TestCatalog.User(), TestCatalog.User(), TestCatalog.User(), TestCatalog.User());
        var released = await Hold(eventId, holder, "GA", 1);
        Assert.Equal(1, await Join(eventId, greedy, 1, "GA"));
        Assert.Equal(2, await Join(eventId, late, 1, "GA"));
        Assert.Equal(3, await Join(eventId, next, 1, "GA"));
        // Meanwhile the first fan bought elsewhere up to the event's limit: an offer would pass it.
        var elsewhere = await Hold(eventId, greedy, "B", 1);
        Assert.Equal(BookStatus.Confirmed, (await fixture.Grains.GetGrain<IBookingGrain>(BookingIds.For(greedy, "b")).Book(new BookCommand(greedy, elsewhere.ReservationId, "tok_visa"))).Status);

        Assert.Equal(HoldStatus.Ok, (await Event(eventId).Release(released.ReservationId, holder)).Status);

        Assert.Single(await Event(eventId).HoldsOf(late));
        Assert.Equal(1, await Join(eventId, greedy, 1, "GA"));

        fixture.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Eventually.True(async () => (await Event(eventId).HoldsOf(next)).Count == 1, TimeSpan.FromSeconds(10), "the lapsed offer passed to the next fan");
        Assert.Empty(await Event(eventId).HoldsOf(late));
        Assert.Empty(await Event(eventId).HoldsOf(greedy));
    }

    [Fact]
    public async Task Leaving_the_waitlist_means_no_offer()
    {
        var eventId = await TestCatalog.CreateEvent(fixture, SectionDefinition.GeneralAdmission("GA", "Standing", 1));
        var (holder, leaver) = (TestCatalog.User(), TestCatalog.User());
        var released = await Hold(eventId, holder, "GA", 1);
        await Join(eventId, leaver, 1);

        Assert.True(await Event(eventId).LeaveWaitlist(leaver));
        Assert.False(await Event(eventId).LeaveWaitlist(leaver));
        Assert.Equal(HoldStatus.Ok, (await Event(eventId).Release(released.ReservationId, holder)).Status);

        Assert.Empty(await Event(eventId).HoldsOf(leaver));
    }
}
