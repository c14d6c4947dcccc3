using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The waiting room's pre-queue at its on-sale time: <c>fans</c> join one room before the event's
/// onSaleAt (through <see cref="WaitingRoomClient.Join"/>, as HTTP join), the on-sale time is then
/// moved to a few seconds ahead, and from that moment the room's watermarks are read until the draw
/// and the first admissions are published; then one frontend answers every pre-queued fan's status
/// (each a drawn rank computed from the seed). Needs a started silo in this process.
/// </summary>
public static class PreQueuePhase
{
    private const int Callers = 200;
    private const double AdmitPerSecond = 1_000;

    public static async Task Run(IServiceProvider services, int fans)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var frontend = new WaitingRoomClient(grains, services.GetRequiredService<AdmissionTokens>(), TimeProvider.System);
        var (eventId, definition) = await CreateEvent(grains, DateTimeOffset.UtcNow.AddMinutes(20));
        var room = grains.GetGrain<IWaitingRoomGrain>(eventId);
        if (!await room.Configure(true, AdmitPerSecond)) throw new InvalidOperationException("The room did not open.");

        var tickets = new (string User, string Ticket)[fans];
        var joining = Stopwatch.StartNew();
        await Fanout.Each(fans, Callers, async fan =>
        {
            var user = $"u_{fan:D8}_{eventId[^6..]}";
            var joined = await frontend.Join(eventId, user);
            if (joined is not { Status: JoinStatus.Joined, PreQueued: true, Position: null }) throw new InvalidOperationException($"Join was not pre-queued: {joined}");
            tickets[fan] = (user, joined.QueueTicket!);
        });
        joining.Stop();

        // On sale in 3 s: the room hears of the new time within a period and arms its draw for it.
        var onSaleAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var moved = await grains.GetGrain<IEventGrain>(eventId).Update(definition with { OnSaleAt = onSaleAt });
        if (moved.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"{moved.Status} {moved.Error}");
        await Task.Delay(onSaleAt - DateTimeOffset.UtcNow);

        // The same call a frontend makes once per period; a short pause between calls, as many frontends polling would make.
        var sinceOnSale = Stopwatch.StartNew();
        QueueWatermarks marks;
        var drawnAfter = TimeSpan.Zero;
        while (true)
        {
            marks = await room.GetWatermarks(long.MaxValue, long.MaxValue);
            if (marks.Draw is not null && drawnAfter == TimeSpan.Zero) drawnAfter = sinceOnSale.Elapsed;
            if (marks.PreAdmitted > 0) break;
            if (sinceOnSale.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException("No draw within 30 s of the on-sale time.");
            await Task.Delay(1);
        }
        var firstAdmissions = sinceOnSale.Elapsed;
        var drawnLate = marks.Draw!.At - onSaleAt;

        // Every pre-queued fan's status from one frontend's copy: a drawn rank each, no grain call per fan.
        var statuses = Stopwatch.StartNew();
        long admitted = 0, positions = 0;
        foreach (var (user, ticket) in tickets)
        {
            var status = await frontend.Status(eventId, user, ticket) ?? throw new InvalidOperationException("A ticket was not recognised.");
            if (status.State == QueueState.Admitted) admitted++;
            else if (status.Position is > 0) positions++;
        }
        statuses.Stop();

        Console.WriteLine($"| pre-queue: {fans:N0} fans join before onSaleAt, {Callers} at a time | {fans / joining.Elapsed.TotalSeconds:N0} joins/s | {joining.Elapsed.TotalSeconds:N1} s | |");
        Console.WriteLine($"| pre-queue: from onSaleAt to the draw and the first admissions published ({marks.PreAdmitted:N0} let in at {AdmitPerSecond:N0}/s) | " +
            $"drawn after {drawnAfter.TotalMilliseconds:N0} ms (room's stamp {drawnLate.TotalMilliseconds:N0} ms after onSaleAt), first admissions after {firstAdmissions.TotalMilliseconds:N0} ms | | |");
        Console.WriteLine($"| pre-queue: one frontend answers all {fans:N0} statuses after the draw ({admitted:N0} admitted, {positions:N0} with a drawn position) | " +
            $"{fans / statuses.Elapsed.TotalSeconds:N0} statuses/s | {statuses.Elapsed.TotalMilliseconds:N0} ms | |");
    }

    private static async Task<(string EventId, EventDefinition Definition)> CreateEvent(IGrainFactory grains, DateTimeOffset onSaleAt)
    {
        var venue = new Venue("ven_prequeue_" + Guid.NewGuid().ToString("N"), "Queue Arena", "Berlin", "Street 1", [SectionDefinition.Seated("A", "Floor", 10, 100)]);
        await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);
        var id = "evt_prequeue_" + Guid.NewGuid().ToString("N");
        var definition = new EventDefinition("Pre-queue Night", "A hot on-sale", "concert", DateTimeOffset.UtcNow.AddMonths(3), venue.VenueId, [],
            [new SectionPrice("A", 80m, "EUR")], OnSaleAt: onSaleAt);
        var created = await grains.GetGrain<IEventGrain>(id).Create(definition);
        if (created.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"{created.Status} {created.Error}");
        return (id, definition);
    }
}
