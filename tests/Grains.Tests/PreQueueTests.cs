using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// The waiting room's pre-queue at grain level: fans who join before the event's on-sale time wait
/// without a position, are drawn into a random order at that time, and go before every later fan.
/// </summary>
[Collection(WaitingRoomCollection.Name)]
public sealed class PreQueueTests(WaitingRoomFixture fixture)
{
    private static readonly TimeSpan PreQueue = TimeSpan.FromMinutes(30);

    private readonly WaitingRoomClient _frontend = fixture.NewFrontend();

    private sealed record Fan(string User, string Ticket, QueuePlace Place);

    private IWaitingRoomGrain Room(string eventId) => fixture.Grains.GetGrain<IWaitingRoomGrain>(eventId);

    /// <summary>An event on sale in ten minutes, its room on at <paramref name="rate"/>.</summary>
    private async Task<(string EventId, DateTimeOffset OnSaleAt)> PreQueueRoom(double rate, TimeSpan? until = null)
    {
        var onSaleAt = fixture.Time.GetUtcNow() + (until ?? TimeSpan.FromMinutes(10));
        var eventId = await fixture.CreateEvent(onSaleAt: onSaleAt);
        Assert.True(await Room(eventId).Configure(true, rate));
        return (eventId, onSaleAt);
    }

    private async Task<Fan> Join(string eventId, WaitingRoomClient? frontend = null, string? userId = null)
    {
        var user = userId ?? TestCatalog.User();
        var joined = await (frontend ?? _frontend).Join(eventId, user);
        Assert.Equal(JoinStatus.Joined, joined.Status);
        return new Fan(user, joined.QueueTicket!, fixture.Tokens.ReadTicket(joined.QueueTicket, eventId, user)!);
    }

    private async Task<QueueStatus[]> Statuses(string eventId, IEnumerable<Fan> fans, WaitingRoomClient? frontend = null) =>
        await Task.WhenAll(fans.Select(async f => (await (frontend ?? _frontend).Status(eventId, f.User, f.Ticket))!));

    private void Tick(TimeSpan by) => fixture.Time.Advance(by);

    /// <summary>Fans joining in groups a second apart, so join order is also join time.</summary>
    private async Task<List<Fan>> JoinInTurn(string eventId, int count)
    {
        var fans = new List<Fan>();
        for (var group = 0; group < count / 50; group++)
        {
            fans.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Join(eventId))));
            Tick(TimeSpan.FromSeconds(1));
        }
        return fans;
    }

    [Fact]
    public async Task Joining_before_the_pre_queue_opens_is_refused_and_says_when_it_opens()
    {
        var (eventId, onSaleAt) = await PreQueueRoom(5, until: TimeSpan.FromHours(2));

        var early = await _frontend.Join(eventId, TestCatalog.User());

        Assert.Equal(JoinStatus.TooEarly, early.Status);
        Assert.Equal(onSaleAt.ToUnixTimeMilliseconds(), early.OnSaleAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal((onSaleAt - PreQueue).ToUnixTimeMilliseconds(), early.OpensAt!.Value.ToUnixTimeMilliseconds());
        Tick(TimeSpan.FromHours(2) - PreQueue);
        var joined = await _frontend.Join(eventId, TestCatalog.User());
        Assert.Equal((JoinStatus.Joined, (long?)null, true), (joined.Status, joined.Position, joined.PreQueued));
    }

    [Fact]
    public async Task Pre_queued_fans_are_drawn_at_onSaleAt_in_an_order_independent_of_join_order_and_all_go_before_every_later_fan()
    {
        var (eventId, onSaleAt) = await PreQueueRoom(1);
        var early = await JoinInTurn(eventId, 1000);

        var waiting = await Statuses(eventId, early);
        Assert.All(waiting, s => Assert.Equal((QueueState.Waiting, (long?)null, true, (DateTimeOffset?)null), (s.State, s.Position, s.PreQueued, s.DrawnAt)));
        Assert.All(waiting, s => Assert.Equal(onSaleAt.ToUnixTimeMilliseconds(), s.OnSaleAt!.Value.ToUnixTimeMilliseconds()));

        Tick(onSaleAt - fixture.Time.GetUtcNow() + TimeSpan.FromMilliseconds(500));
        var late = new List<Fan>();
        for (var i = 0; i < 20; i++) late.Add(await Join(eventId));
        Assert.All(late, f => Assert.True(f.Place.JoinedAt >= onSaleAt));

        // At the draw one period's worth (1.5 s at 1 a second) is let in; the rest have their drawn places.
        var drawn = await Statuses(eventId, early);
        Assert.Equal(1, drawn.Count(s => s.State == QueueState.Admitted));
        Assert.All(drawn, s => Assert.True(s.PreQueued && s.DrawnAt >= onSaleAt));
        var positions = drawn.Where(s => s.State == QueueState.Waiting).Select(s => s.Position!.Value).ToArray();
        Assert.Equal(Enumerable.Range(1, 999).Select(p => (long)p), positions.Order());
        var behind = await Statuses(eventId, late);
        Assert.All(behind, s => Assert.Equal((QueueState.Waiting, false), (s.State, s.PreQueued)));
        // Behind all 999 drawn fans still waiting (later fans of other shards in the same period are their equals).
        Assert.All(behind, s => Assert.InRange(s.Position!.Value, 1000, 1019));

        // Drawn order against join order: Spearman's correlation of a random order has sd 1/sqrt(998) = 0.032.
        var joinOrder = Enumerable.Range(0, 1000).Where(i => drawn[i].State == QueueState.Waiting).ToArray();
        var n = (double)joinOrder.Length;
        var squares = joinOrder.Select((i, k) => Math.Pow(k + 1 - drawn[i].Position!.Value, 2)).Sum();
        Assert.InRange(1 - 6 * squares / (n * (n * n - 1)), -0.13, 0.13);
        Assert.InRange(joinOrder.Take(100).Average(i => drawn[i].Position!.Value), 500 - 120, 500 + 120);

        // Faster now: every pre-queued fan is in before any later one.
        Assert.True(await Room(eventId).Configure(true, 300));
        for (var second = 0; second < 6; second++)
        {
            Tick(TimeSpan.FromSeconds(1));
            var pre = await Statuses(eventId, early);
            var post = await Statuses(eventId, late);
            if (post.Any(s => s.State == QueueState.Admitted)) Assert.All(pre, s => Assert.Equal(QueueState.Admitted, s.State));
        }
        Assert.All(await Statuses(eventId, late), s => Assert.Equal(QueueState.Admitted, s.State));
    }

    [Fact]
    public async Task The_drawn_order_survives_a_restart_of_the_room_and_its_shards()
    {
        var (eventId, onSaleAt) = await PreQueueRoom(2);
        var early = await JoinInTurn(eventId, 100);
        Tick(onSaleAt - fixture.Time.GetUtcNow());
        var before = await Statuses(eventId, early);
        Assert.Equal(2, before.Count(s => s.State == QueueState.Admitted));

        await fixture.Cluster.DeactivateAsync(Room(eventId));
        for (var shard = 0; shard < 4; shard++) await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IQueueShardGrain>(QueueShards.Key(eventId, shard)));
        var fresh = fixture.NewFrontend();

        var after = await Statuses(eventId, early, fresh);
        Assert.Equal(before.Select(s => (s.State, s.Position, s.ExpiresAt, s.DrawnAt)), after.Select(s => (s.State, s.Position, s.ExpiresAt, s.DrawnAt)));
        Tick(TimeSpan.FromSeconds(1));
        var next = await Statuses(eventId, early, fresh);
        var nowIn = Enumerable.Range(0, early.Count).Where(i => next[i].State == QueueState.Admitted && before[i].State == QueueState.Waiting).ToArray();
        Assert.Equal([1L, 2L], nowIn.Select(i => before[i].Position!.Value).Order());
    }

    [Fact]
    public async Task A_moved_on_sale_time_moves_the_draw_with_it()
    {
        var (eventId, onSaleAt) = await PreQueueRoom(5);
        var early = await JoinInTurn(eventId, 50);
        var events = fixture.Grains.GetGrain<IEventGrain>(eventId);
        var view = (await events.GetView())!;
        var later = onSaleAt.AddMinutes(10);
        var definition = new EventDefinition(view.Name, view.Description, view.Category, view.StartsAt, view.Venue.VenueId, [],
            [new SectionPrice("A", 100m, "USD")], OnSaleAt: later);
        Assert.Equal(EventCommandStatus.Ok, (await events.Update(definition)).Status);

        // The room hears of it within a period: at the old time nobody is drawn or let in.
        Tick(TimeSpan.FromSeconds(1));
        await Statuses(eventId, early);
        Tick(onSaleAt - fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(2));
        var atOldTime = await Statuses(eventId, early);
        Assert.All(atOldTime, s => Assert.Equal((QueueState.Waiting, (long?)null, (DateTimeOffset?)null), (s.State, s.Position, s.DrawnAt)));
        Assert.All(atOldTime, s => Assert.Equal(later.ToUnixTimeMilliseconds(), s.OnSaleAt!.Value.ToUnixTimeMilliseconds()));
        var stillEarly = await Join(eventId);

        Tick(later - fixture.Time.GetUtcNow());
        var drawn = await Statuses(eventId, early.Append(stillEarly));
        Assert.All(drawn, s => Assert.True(s.PreQueued && s.DrawnAt >= later));
        Assert.Equal(5, drawn.Count(s => s.State == QueueState.Admitted));
    }

    [Fact]
    public async Task Rejoining_or_reloading_gives_a_pre_queued_fan_no_new_draw()
    {
        var (eventId, onSaleAt) = await PreQueueRoom(1);
        var early = await JoinInTurn(eventId, 50);
        var fan = early[0];
        Assert.Equal(fan.Ticket, (await _frontend.Join(eventId, fan.User)).QueueTicket);
        Tick(onSaleAt - fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(2));
        var drawn = await Statuses(eventId, early);

        var again = await _frontend.Join(eventId, fan.User);
        var elsewhere = await Statuses(eventId, [fan], fixture.NewFrontend());

        Assert.Equal(fan.Ticket, again.QueueTicket);
        Assert.Equal((drawn[0].Position, true), (again.Position, again.PreQueued));
        Assert.Equal(drawn[0], elsewhere[0]);
    }
}
