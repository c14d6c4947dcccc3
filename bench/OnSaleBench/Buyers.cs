using System.Diagnostics;
using TicketMaster.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// Concurrent buyers, each asking for 2 best-available seats in a random section that is not
/// sold out yet, until a deadline, a number of seats held, or a sold-out event.
/// </summary>
public static class Buyers
{
    public const int SeatsPerHold = 2;

    /// <param name="afterHold">What a buyer does with a hold before asking again (pay, confirm); null: nothing.</param>
    public static async Task<LoadResult> Run(
        BenchEvent benchEvent, int buyers, TimeSpan? duration, int? seatTarget, Latency? reserveLatency,
        Func<string, Reservation, Task>? afterHold = null, int seed = 0)
    {
        var sections = benchEvent.Venue.Sections;
        var soldOut = new bool[sections.Count];
        var holds = 0;
        var seats = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = duration is { } d ? DateTime.UtcNow + d : DateTime.MaxValue;
        var run = Guid.NewGuid().ToString("N")[..8];

        await Task.WhenAll(Enumerable.Range(0, buyers).Select(async b =>
        {
            var random = new Random(seed * 100_003 + b);
            // A new fan for every hold, as in a real on-sale: one buyer holding thousands of seats would hit the per-fan ticket limit.
            var fans = 0;
            var open = new List<int>(sections.Count);
            while (DateTime.UtcNow < deadline && (seatTarget is not { } target || Volatile.Read(ref seats) < target))
            {
                open.Clear();
                for (var i = 0; i < soldOut.Length; i++) if (!Volatile.Read(ref soldOut[i])) open.Add(i);
                if (open.Count == 0) return;
                var section = open[random.Next(open.Count)];
                var user = $"u_{run}_{b}_{fans++}";
                var request = ReserveRequest.BestAvailable(user, sections[section].SectionId, SeatsPerHold);
                var start = Stopwatch.GetTimestamp();
                var result = await benchEvent.Grain.Reserve(request);
                reserveLatency?.Record(start);
                if (result.Status != ReserveStatus.Held)
                {
                    if (result.Status != ReserveStatus.Unavailable) throw new InvalidOperationException($"Reserve answered {result.Status}: {result.Field} {result.Error}");
                    Volatile.Write(ref soldOut[section], true);
                    continue;
                }
                Interlocked.Increment(ref holds);
                Interlocked.Add(ref seats, result.Reservation!.Seats.Count);
                if (afterHold is not null) await afterHold(user, result.Reservation);
            }
        }));
        return new LoadResult(holds, seats, stopwatch.Elapsed, soldOut.All(s => s));
    }
}

/// <summary>What a run of buyers did.</summary>
public sealed record LoadResult(int Holds, int Seats, TimeSpan Elapsed, bool SoldOut)
{
    public double HoldsPerSecond => Holds / Elapsed.TotalSeconds;
}
