using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// A sold-out event's waitlist at size: a 100-seat event held out by 50 fans, then <c>fans</c> fans join its
/// waitlist (200 at a time, through the grain call the HTTP join makes), then one hold is released and the time is
/// taken until the first waiting fan holds the seat in their name (their offer, as <c>GET /api/v1/reservations</c>
/// asks it), and again for the seats of an offer the fan lets go. Needs a started silo in this process.
/// </summary>
public static class WaitlistPhase
{
    private const int Callers = 200;

    public static async Task Run(IServiceProvider services, int fans)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var eventId = await CreateEvent(grains);
        var grain = grains.GetGrain<IEventGrain>(eventId);
        var holders = new List<Reservation>();
        for (var fan = 0; fan < 50; fan++)
        {
            var held = await grain.Reserve(ReserveRequest.BestAvailable($"u_holder_{fan}", "A", 2));
            holders.Add(held.Reservation ?? throw new InvalidOperationException($"The fill was refused: {held.Status}"));
        }

        var joining = Stopwatch.StartNew();
        await Fanout.Each(fans, Callers, async fan =>
        {
            var joined = await grain.JoinWaitlist(Waiting(fan), 2, null);
            if (joined.Status != WaitlistStatus.Waiting) throw new InvalidOperationException($"Join was refused: {joined.Status}");
        });
        joining.Stop();

        // The first fan to join is first in line whatever order the callers' joins were written in: find who that is.
        var first = Enumerable.Range(0, Math.Min(fans, Callers)).Select(Waiting).ToList();
        var released = await Offered(grain, first, () => grain.Release(holders[0].ReservationId, holders[0].UserId));
        var offer = (await grain.HoldsOf(released.Fan)).Single();
        var nextInLine = Enumerable.Range(0, Math.Min(fans, 2 * Callers)).Select(Waiting).Where(f => f != released.Fan).ToList();
        var passedOn = await Offered(grain, nextInLine, () => grain.Release(offer.ReservationId, released.Fan));

        Console.WriteLine($"| waitlist: {fans:N0} fans join a sold-out event's waitlist, {Callers} at a time | {fans / joining.Elapsed.TotalSeconds:N0} joins/s | {joining.Elapsed.TotalSeconds:N1} s | |");
        Console.WriteLine($"| waitlist: a released hold offered to the first of {fans:N0} waiting fans | release answered in {released.Answered.TotalMilliseconds:N1} ms, offer held after {released.Held.TotalMilliseconds:N1} ms | | |");
        Console.WriteLine($"| waitlist: an offer let go passes to the next fan | answered in {passedOn.Answered.TotalMilliseconds:N1} ms, held after {passedOn.Held.TotalMilliseconds:N1} ms | | |");
    }

    private static string Waiting(int fan) => $"u_waiting_{fan:D7}";

    /// <summary>Frees seats with <paramref name="free"/>, then asks the likely first fans until one of them holds an offer.</summary>
    private static async Task<(string Fan, TimeSpan Answered, TimeSpan Held)> Offered(IEventGrain grain, List<string> candidates, Func<Task<HoldResult>> free)
    {
        var clock = Stopwatch.StartNew();
        var result = await free();
        if (result.Status != HoldStatus.Ok) throw new InvalidOperationException($"The release was refused: {result.Status}");
        var answered = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var fan in candidates)
            {
                if ((await grain.HoldsOf(fan)).Count > 0) return (fan, answered, clock.Elapsed);
            }
        }
        throw new InvalidOperationException("No waiting fan was offered the seats within 30 s.");
    }

    private static async Task<string> CreateEvent(IGrainFactory grains)
    {
        var venue = new Venue("ven_waitlist_" + Guid.NewGuid().ToString("N"), "Small Room", "Berlin", "Street 1", [SectionDefinition.Seated("A", "Floor", 10, 10)]);
        await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);
        var id = "evt_waitlist_" + Guid.NewGuid().ToString("N");
        var created = await grains.GetGrain<IEventGrain>(id).Create(new EventDefinition("Sold Out Night", "Every seat held", "concert",
            DateTimeOffset.UtcNow.AddMonths(3), venue.VenueId, [], [new SectionPrice("A", 80m, "EUR")]));
        if (created.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"{created.Status} {created.Error}");
        return id;
    }
}
