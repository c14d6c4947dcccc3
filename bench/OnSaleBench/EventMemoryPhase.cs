using TicketMaster.Bookings;
using TicketMaster.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The managed memory one event takes once sold out in 2-seat bookings: the heap after a full
/// collection, before creating the event and after every seat was held, pinned and confirmed.
/// The event grain is called directly (no booking grains), so their memory is not counted.
/// </summary>
public static class EventMemoryPhase
{
    public static async Task Run(BenchContext context)
    {
        var seats = context.Options.MemorySeats;
        if (seats == 0) return;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var benchEvent = await BenchEvent.Create(context.Grains, seats);
        var load = await Buyers.Run(benchEvent, context.Options.Buyers, duration: null, seatTarget: null, reserveLatency: null,
            afterHold: (user, reservation) => Sell(benchEvent.Grain, user, reservation), seed: 3);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var audit = await benchEvent.Grain.Audit();
        if (audit.CountedSold != seats || audit.RecountedSold != seats || audit.SeatsClaimedTwice != 0)
        {
            throw new InvalidOperationException($"The sold-out event does not add up: {audit}");
        }
        var megabytes = (after - before) / 1024.0 / 1024.0;
        context.Report.Note(
            $"{context.Storage}: one {Report.N(seats)}-seat event sold out in {Report.N(load.Holds)} 2-seat bookings took {megabytes:F1} MB of managed memory " +
            $"(GC.GetTotalMemory(true) after minus before; includes the event and venue activations{(context.Storage == "Memory" ? ", memory storage's copy of their state" : "")} " +
            $"and whatever else the silo kept meanwhile; selling it took {load.Elapsed.TotalSeconds:F1} s, 3 event calls per booking).");
    }

    private static async Task Sell(IEventGrain grain, string user, Reservation reservation)
    {
        var bookingId = BookingIds.For(user, reservation.ReservationId);
        var pinned = await grain.Pin(reservation.ReservationId, user, bookingId);
        if (pinned.Status != HoldStatus.Ok) throw new InvalidOperationException($"Pin answered {pinned.Status}");
        var confirmed = await grain.Confirm(reservation.ReservationId, bookingId);
        if (confirmed.Status != HoldStatus.Ok) throw new InvalidOperationException($"Confirm answered {confirmed.Status}");
    }
}
