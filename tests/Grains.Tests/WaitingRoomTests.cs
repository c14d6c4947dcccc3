using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WaitingRoomTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(string EventId, IWaitingRoomGrain Room)> OpenRoom(double rate, params SectionDefinition[] sections)
    {
        var eventId = sections.Length == 0 ? await TestCatalog.CreateSeatedEvent(fixture) : await TestCatalog.CreateEvent(fixture, sections);
        var room = Grains.GetGrain<IWaitingRoomGrain>(eventId);
        Assert.True(await room.Configure(true, rate));
        return (eventId, room);
    }

    private static async Task<string> Admit(IWaitingRoomGrain room, string user, string ticket) =>
        (await room.GetStatus(user, ticket))!.AdmissionToken ?? throw new InvalidOperationException("Not admitted.");

    [Fact]
    public async Task Admission_is_first_come_first_served_at_the_configured_rate()
    {
        var (_, room) = await OpenRoom(2);
        var fans = Enumerable.Range(0, 10).Select(_ => TestCatalog.User()).ToList();
        var tickets = new List<string>();
        foreach (var fan in fans) tickets.Add((await room.Join(fan)).QueueTicket!);

        async Task<QueueState[]> States() => await Task.WhenAll(fans.Select(async (f, i) => (await room.GetStatus(f, tickets[i]))!.State));

        Assert.All(await States(), s => Assert.Equal(QueueState.Waiting, s));
        Assert.Equal(10, (await room.GetStatus(fans[9], tickets[9]))!.Position);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([.. Enumerable.Repeat(QueueState.Admitted, 2), .. Enumerable.Repeat(QueueState.Waiting, 8)], await States());
        Assert.Equal(1, (await room.GetStatus(fans[2], tickets[2]))!.Position);

        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([.. Enumerable.Repeat(QueueState.Admitted, 6), .. Enumerable.Repeat(QueueState.Waiting, 4)], await States());
        Assert.Equal(4, (await room.GetStatus(fans[9], tickets[9]))!.Position);
    }

    [Fact]
    public async Task Joining_twice_gives_the_same_ticket_and_place()
    {
        var (_, room) = await OpenRoom(1);
        var first = TestCatalog.User();
        var firstJoin = await room.Join(first);
        await room.Join(TestCatalog.User());

        var again = await room.Join(first);

        Assert.Equal(firstJoin, again);
        Assert.Equal(1, again.Position);
        Assert.Null(await room.GetStatus(TestCatalog.User(), firstJoin.QueueTicket!));
    }

    [Fact]
    public async Task Reserve_needs_an_admission_token_of_this_user_and_event_while_the_room_is_active()
    {
        var (eventId, room) = await OpenRoom(10);
        var (otherEventId, otherRoom) = await OpenRoom(10);
        var fan = TestCatalog.User();
        var ticket = (await room.Join(fan)).QueueTicket!;
        var stranger = TestCatalog.User();
        var strangerTicket = (await room.Join(stranger)).QueueTicket!;
        var otherTicket = (await otherRoom.Join(fan)).QueueTicket!;
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var token = await Admit(room, fan, ticket);
        var strangersToken = await Admit(room, stranger, strangerTicket);
        var otherEventsToken = await Admit(otherRoom, fan, otherTicket);
        var grain = Grains.GetGrain<IEventGrain>(eventId);
        ReserveRequest Request(string? admission) => ReserveRequest.BestAvailable(fan, "A", 1) with { AdmissionToken = admission };

        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(null))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(strangersToken))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(otherEventsToken))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(token[..^2] + (token[^2] == 'A' ? "BA" : "AA")))).Status);
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request("garbage.token"))).Status);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(Request(token))).Status);
        Assert.True((await grain.GetView())!.QueueActive);
        Assert.NotEqual(eventId, otherEventId);

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ReserveStatus.AdmissionRequired, (await grain.Reserve(Request(token))).Status);
        Assert.Equal(QueueState.Expired, (await room.GetStatus(fan, ticket))!.State);

        Assert.True(await room.Configure(false, 0));
        Assert.False((await grain.GetView())!.QueueActive);
        Assert.Equal(ReserveStatus.Held, (await grain.Reserve(Request(null))).Status);
    }

    [Fact]
    public async Task The_waiting_room_survives_a_restart_of_its_grain()
    {
        var (_, room) = await OpenRoom(1);
        var fans = Enumerable.Range(0, 3).Select(_ => TestCatalog.User()).ToList();
        var tickets = new List<string>();
        foreach (var fan in fans) tickets.Add((await room.Join(fan)).QueueTicket!);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(QueueState.Admitted, (await room.GetStatus(fans[0], tickets[0]))!.State);

        await fixture.Cluster.DeactivateAsync(room);

        Assert.Equal(QueueState.Admitted, (await room.GetStatus(fans[0], tickets[0]))!.State);
        Assert.Equal((QueueState.Waiting, 2L), ((await room.GetStatus(fans[2], tickets[2]))!.State, (await room.GetStatus(fans[2], tickets[2]))!.Position));
        Assert.Equal(tickets[1], (await room.Join(fans[1])).QueueTicket);
    }

    [Fact]
    public async Task The_room_says_so_when_the_event_sells_out()
    {
        var (eventId, room) = await OpenRoom(1, SectionDefinition.Seated("A", "A", 1, 2));
        var buyer = TestCatalog.User();
        var buyerTicket = (await room.Join(buyer)).QueueTicket!;
        var late = TestCatalog.User();
        var lateTicket = (await room.Join(late)).QueueTicket!;
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var token = await Admit(room, buyer, buyerTicket);

        var held = await Grains.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.BestAvailable(buyer, "A", 2) with { AdmissionToken = token });

        Assert.Equal(ReserveStatus.Held, held.Status);
        Assert.Equal(QueueState.SoldOut, (await room.GetStatus(late, lateTicket))!.State);
    }

    [Fact]
    public async Task A_room_for_an_unknown_event_cannot_be_opened_and_a_closed_room_admits_no_one()
    {
        Assert.False(await Grains.GetGrain<IWaitingRoomGrain>("evt_nothing_" + Guid.NewGuid().ToString("N")).Configure(true, 5));

        var eventId = await TestCatalog.CreateSeatedEvent(fixture);
        Assert.Equal(JoinStatus.NotActive, (await Grains.GetGrain<IWaitingRoomGrain>(eventId).Join(TestCatalog.User())).Status);
    }
}
