using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Tests;

/// <summary>The waiting room end to end at grain level: join shards, the room, and a frontend's cached watermarks.</summary>
[Collection(WaitingRoomCollection.Name)]
public sealed class WaitingRoomTests(WaitingRoomFixture fixture)
{
    private readonly WaitingRoomClient _frontend = fixture.NewFrontend();

    private IGrainFactory Grains => fixture.Grains;

    private sealed record Fan(string User, string Ticket, QueuePlace Place);

    private IWaitingRoomGrain Room(string eventId) => Grains.GetGrain<IWaitingRoomGrain>(eventId);

    private async Task<string> OpenRoom(double rate, int seats = 200)
    {
        var eventId = await fixture.CreateEvent(seats);
        Assert.True(await Room(eventId).Configure(true, rate));
        return eventId;
    }

    private async Task<Fan> Join(string eventId, WaitingRoomClient? frontend = null, string? userId = null)
    {
        var user = userId ?? TestCatalog.User();
        var joined = await (frontend ?? _frontend).Join(eventId, user);
        Assert.Equal(JoinStatus.Joined, joined.Status);
        return new Fan(user, joined.QueueTicket!, fixture.Tokens.ReadTicket(joined.QueueTicket, eventId, user)!);
    }

    private async Task<List<Fan>> JoinMany(string eventId, int count) => [.. await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Join(eventId)))];

    private async Task<QueueStatus> Status(string eventId, Fan fan, WaitingRoomClient? frontend = null) =>
        (await (frontend ?? _frontend).Status(eventId, fan.User, fan.Ticket))!;

    private async Task<QueueStatus[]> Statuses(string eventId, IEnumerable<Fan> fans, WaitingRoomClient? frontend = null) =>
        await Task.WhenAll(fans.Select(f => Status(eventId, f, frontend)));

    private void Tick(int seconds = 1) => fixture.Time.Advance(TimeSpan.FromSeconds(seconds));

    private static int Count(QueueStatus[] statuses, QueueState state) => statuses.Count(s => s.State == state);

    [Fact]
    public async Task Admission_goes_at_the_configured_rate_and_a_waiting_fans_position_never_goes_up()
    {
        var eventId = await OpenRoom(2);
        var fans = new List<Fan>();
        for (var i = 0; i < 10; i++) fans.Add(await Join(eventId));
        var last = (await Statuses(eventId, fans)).Select(s => s.Position).ToArray();
        Assert.All(last, p => Assert.InRange(p!.Value, 1, 10));

        foreach (var (seconds, admitted) in new[] { (1, 2), (2, 6), (1, 8), (5, 10) })
        {
            Tick(seconds);
            var statuses = await Statuses(eventId, fans);
            Assert.Equal(admitted, Count(statuses, QueueState.Admitted));
            Assert.Equal(10 - admitted, Count(statuses, QueueState.Waiting));
            for (var i = 0; i < fans.Count; i++)
            {
                Assert.True(statuses[i].Position <= last[i], $"Fan {i}'s position went up from {last[i]} to {statuses[i].Position}.");
                Assert.Equal(statuses[i].State == QueueState.Admitted, statuses[i].Position == 0);
                last[i] = statuses[i].Position;
            }
        }
    }

    [Fact]
    public async Task Nobody_is_admitted_before_a_fan_who_joined_more_than_one_admit_period_earlier()
    {
        // 5 a second against 12 joining each second: every bucket is split over several admissions.
        var eventId = await OpenRoom(5);
        var fans = new List<Fan>();
        var admittedAt = new Dictionary<Fan, DateTimeOffset>();
        async Task Poll()
        {
            var statuses = await Statuses(eventId, fans);
            for (var i = 0; i < fans.Count; i++)
            {
                if (statuses[i].State == QueueState.Admitted) admittedAt.TryAdd(fans[i], fixture.Time.GetUtcNow());
            }
        }
        for (var second = 0; second < 4; second++)
        {
            fans.AddRange(await JoinMany(eventId, 12));
            Tick();
            await Poll();
        }
        for (var second = 0; second < 12 && admittedAt.Count < fans.Count; second++)
        {
            Tick();
            await Poll();
        }

        Assert.Equal(fans.Count, admittedAt.Count);
        Assert.True(admittedAt.Values.Distinct().Count() >= 9, "Admission came in steps, as the rate says.");
        var period = TimeSpan.FromSeconds(1);
        foreach (var early in fans)
        {
            foreach (var late in fans.Where(f => f.Place.JoinedAt - early.Place.JoinedAt > period))
            {
                Assert.True(admittedAt[early] <= admittedAt[late],
                    $"A fan who joined at {late.Place.JoinedAt:T} got in at {admittedAt[late]:T}, before one who joined at {early.Place.JoinedAt:T} ({admittedAt[early]:T}).");
            }
        }
        // Within a shard it is strict join order.
        foreach (var shard in fans.GroupBy(f => f.Place.Shard))
        {
            var inOrder = shard.OrderBy(f => f.Place.Index).Select(f => admittedAt[f]).ToList();
            Assert.Equal(inOrder.Order().ToList(), inOrder);
        }
    }

    [Fact]
    public async Task Joining_twice_gives_the_same_ticket_and_place()
    {
        var eventId = await OpenRoom(1);
        var first = TestCatalog.User();
        var firstJoin = await _frontend.Join(eventId, first);
        await Join(eventId);

        var again = await _frontend.Join(eventId, first);
        var elsewhere = await fixture.NewFrontend().Join(eventId, first);

        Assert.Equal(firstJoin, again);
        Assert.Equal(firstJoin, elsewhere);
        Assert.Equal(1, again.Position);
    }

    [Fact]
    public async Task A_forged_or_not_yet_admitted_ticket_gets_no_token()
    {
        var eventId = await OpenRoom(1);
        var otherEventId = await OpenRoom(1);
        var fans = await JoinMany(eventId, 2);
        Tick();
        var statuses = await Statuses(eventId, fans);
        var admitted = fans[Array.FindIndex(statuses, s => s.State == QueueState.Admitted)];
        var waiting = fans[Array.FindIndex(statuses, s => s.State == QueueState.Waiting)];

        Assert.NotNull((await Status(eventId, admitted)).AdmissionToken);
        Assert.Null((await Status(eventId, waiting)).AdmissionToken);
        // The waiting fan claims the admitted fan's place, signed with a key of its own making.
        var forged = new AdmissionTokens("a-key-of-my-own").Ticket(eventId, waiting.User, admitted.Place);
        Assert.Null(await _frontend.Status(eventId, waiting.User, forged));
        var edited = admitted.Ticket[..^3] + (admitted.Ticket[^3] == 'A' ? 'B' : 'A') + admitted.Ticket[^2..];
        Assert.Null(await _frontend.Status(eventId, admitted.User, edited));
        Assert.Null(await _frontend.Status(eventId, waiting.User, admitted.Ticket));
        Assert.Null(await _frontend.Status(otherEventId, admitted.User, admitted.Ticket));
        Assert.Null(await _frontend.Status(eventId, admitted.User, "qt_nope"));
    }

    [Fact]
    public async Task Reserve_needs_an_admission_token_of_this_user_and_event_while_the_room_is_active()
    {
        var eventId = await OpenRoom(10);
        var otherEventId = await OpenRoom(10);
        var fan = await Join(eventId);
        var stranger = await Join(eventId);
        var fanInOtherRoom = await Join(otherEventId, userId: fan.User);
        Tick();
        var token = (await Status(eventId, fan)).AdmissionToken!;
        var strangersToken = (await Status(eventId, stranger)).AdmissionToken!;
        var otherEventsToken = (await Status(otherEventId, fanInOtherRoom)).AdmissionToken!;
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        ReserveRequest Request(string? admission) => ReserveRequest.BestAvailable(fan.User, "A", 1) with { AdmissionToken = admission };

        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(null))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(strangersToken))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(otherEventsToken))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(token[..^2] + (token[^2] == 'A' ? "BA" : "AA")))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request("garbage.token"))).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(Request(token))).Status);
        Assert.True((await grain.GetView())!.QueueActive);

        Tick(600);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(token))).Status);
        Assert.Equal(QueueState.Expired, (await Status(eventId, fan)).State);

        Assert.True(await Room(eventId).Configure(false, 0));
        Assert.False((await grain.GetView())!.QueueActive);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(Request(null))).Status);
    }

    [Fact]
    public async Task Order_and_admissions_survive_a_restart_of_the_shards_and_the_room()
    {
        var eventId = await OpenRoom(2);
        var fans = new List<Fan>();
        for (var i = 0; i < 6; i++) fans.Add(await Join(eventId));
        Tick();
        var before = await Statuses(eventId, fans);
        Assert.Equal(2, Count(before, QueueState.Admitted));

        await fixture.Cluster.DeactivateAsync(Room(eventId));
        for (var shard = 0; shard < 4; shard++) await fixture.Cluster.DeactivateAsync(Grains.GetGrain<IQueueShardGrain>(QueueShards.Key(eventId, shard)));
        var fresh = fixture.NewFrontend();

        var after = await Statuses(eventId, fans, fresh);
        Assert.Equal(before.Select(s => (s.State, s.Position, s.ExpiresAt)), after.Select(s => (s.State, s.Position, s.ExpiresAt)));
        foreach (var fan in fans) Assert.Equal(fan.Ticket, (await fresh.Join(eventId, fan.User)).QueueTicket);
        var newcomer = await Join(eventId, fresh);
        Assert.Equal(7, fans.Append(newcomer).Select(f => (f.Place.Shard, f.Place.Index)).Distinct().Count());

        Tick(2);
        Assert.Equal(6, Count(await Statuses(eventId, fans, fresh), QueueState.Admitted));
        Assert.Equal((QueueState.Waiting, 1L), ((await Status(eventId, newcomer, fresh)).State, (await Status(eventId, newcomer, fresh)).Position));
    }

    [Fact]
    public async Task The_room_stops_admitting_once_the_event_sells_out()
    {
        var eventId = await OpenRoom(1, seats: 2);
        var fans = await JoinMany(eventId, 2);
        Tick();
        var statuses = await Statuses(eventId, fans);
        var buyer = fans[Array.FindIndex(statuses, s => s.State == QueueState.Admitted)];
        var late = fans[Array.FindIndex(statuses, s => s.State == QueueState.Waiting)];

        var held = await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.BestAvailable(buyer.User, "A", 2) with { AdmissionToken = (await Status(eventId, buyer)).AdmissionToken });
        Tick(3);

        Assert.Equal(ReserveStatus.Held, held.Status);
        Assert.Equal(QueueState.SoldOut, (await Status(eventId, late)).State);
    }

    [Fact]
    public async Task A_room_turned_off_takes_no_joins_and_admits_no_one_and_turned_on_again_keeps_its_queue()
    {
        Assert.False(await Room("evt_nothing_" + Guid.NewGuid().ToString("N")).Configure(true, 5));
        var eventId = await fixture.CreateEvent();
        Assert.Equal(JoinStatus.NotActive, (await _frontend.Join(eventId, TestCatalog.User())).Status);

        Assert.True(await Room(eventId).Configure(true, 1));
        _frontend.Forget(eventId);
        var fans = new List<Fan>();
        for (var i = 0; i < 3; i++) fans.Add(await Join(eventId));
        Assert.True(await Room(eventId).Configure(false, 0));
        _frontend.Forget(eventId);
        Assert.Equal(JoinStatus.NotActive, (await _frontend.Join(eventId, TestCatalog.User())).Status);
        Tick(5);
        Assert.Equal(3, Count(await Statuses(eventId, fans), QueueState.Waiting));

        Assert.True(await Room(eventId).Configure(true, 1));
        Tick();
        Assert.Equal(1, Count(await Statuses(eventId, fans), QueueState.Admitted));
        Assert.Equal(fans[0].Ticket, (await _frontend.Join(eventId, fans[0].User)).QueueTicket);
    }

    [Fact]
    public async Task Status_polls_make_no_grain_call_per_fan_only_one_watermark_fetch_per_period()
    {
        var eventId = await OpenRoom(1000);
        var fans = await JoinMany(eventId, 200);
        var frontend = fixture.NewFrontend();
        Tick();
        var joins = fixture.Calls["IQueueShardGrain.Join"];
        var fetches = fixture.Calls["IWaitingRoomGrain.GetWatermarks"];

        for (var round = 0; round < 5; round++)
        {
            var statuses = await Statuses(eventId, fans, frontend);
            Assert.All(statuses, s => Assert.NotNull(s.AdmissionToken));
        }
        Tick();
        await Statuses(eventId, fans, frontend);

        Assert.Equal(joins, fixture.Calls["IQueueShardGrain.Join"]);
        Assert.Equal(fetches + 2, fixture.Calls["IWaitingRoomGrain.GetWatermarks"]);
        Assert.Equal(2, frontend.Refreshes);
    }

    [Fact]
    public async Task With_storage_down_a_join_is_retryable_and_leaves_nothing_behind()
    {
        var eventId = await OpenRoom(1);
        var user = TestCatalog.User();
        fixture.Journals.Fail(journal => journal.StartsWith($"queue/{eventId}/", StringComparison.Ordinal));
        try
        {
            await Assert.ThrowsAsync<RetryableException>(() => _frontend.Join(eventId, user));
            await Assert.ThrowsAsync<RetryableException>(() => Room(eventId).Configure(true, 2));
        }
        finally
        {
            fixture.Journals.Heal();
        }

        // The failed join took no place: joining again is the shard's first.
        var again = await Join(eventId, userId: user);
        Assert.Equal(0, again.Place.Index);
        Tick();
        Assert.Equal(QueueState.Admitted, (await Status(eventId, again)).State);
    }
}
