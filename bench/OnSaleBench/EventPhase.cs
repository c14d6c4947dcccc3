using TicketMaster.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// Reserve only, through <see cref="IEventGrain.Reserve"/>: for each event size, a fresh event and
/// one whose seats are already partly held, since a write used to cost O(every hold ever made).
/// </summary>
public static class EventPhase
{
    /// <summary>Holds per second, by seats and seats held before.</summary>
    public static async Task<IReadOnlyList<EventRate>> Run(BenchContext context)
    {
        var rates = new List<EventRate>();
        foreach (var seats in context.Options.Seats)
        {
            rates.Add(await Measure(context, seats, heldBefore: 0));
            var held = (int)(seats * context.Options.HeldFraction) / Buyers.SeatsPerHold * Buyers.SeatsPerHold;
            if (held > 0) rates.Add(await Measure(context, seats, held));
        }
        return rates;
    }

    private static async Task<EventRate> Measure(BenchContext context, int seats, int heldBefore)
    {
        var benchEvent = await BenchEvent.Create(context.Grains, seats);
        var fillNote = "";
        var held = 0;
        if (heldBefore > 0)
        {
            var fill = await Buyers.Run(benchEvent, context.Options.Buyers, duration: null, seatTarget: heldBefore, reserveLatency: null, seed: 1);
            held = fill.Seats;
            fillNote = $"; filled first in {fill.Elapsed.TotalSeconds:F1} s ({Report.N(fill.HoldsPerSecond)} holds/s)";
        }

        var latency = new Latency();
        var before = context.Counters.Read();
        var load = await Buyers.Run(benchEvent, context.Options.Buyers, context.Options.Duration, seatTarget: null, latency, seed: 2);
        var writes = context.Counters.Read() - before;
        var batches = Math.Max(writes.EventAppends, writes.StateWrites);
        var perBatch = batches == 0 ? "" : $"; {load.Holds / (double)batches:F1} holds per batch";
        context.Report.Add(context.Storage, "reserve, event grain", seats, held, Report.Rate(load.HoldsPerSecond, "holds"), latency, writes,
            $"{Report.N(load.Holds)} holds in {load.Elapsed.TotalSeconds:F1} s{(load.SoldOut ? " (sold out)" : "")}{perBatch}{fillNote}");
        return new EventRate(seats, held, load.HoldsPerSecond);
    }
}

public sealed record EventRate(int Seats, int HeldBefore, double HoldsPerSecond);
