using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Bookings;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// Reserve, pay with the test gateway ("tok_visa") and confirm, while a viewer calls GetView in a
/// loop; ends with the audit that no seat was sold twice, which fails the run loudly. With
/// <c>mail</c>, each buyer gives an address, so each sale owes a confirmation that the silo's sender
/// writes to its pickup folder while the bookings go on; the phase then waits for every one of them.
/// </summary>
public static class FullFlowPhase
{
    public static async Task<double> Run(BenchContext context, bool mail)
    {
        var seats = context.Options.Seats.Min();
        var benchEvent = await BenchEvent.Create(context.Grains, seats);
        var reserveLatency = new Latency();
        var bookLatency = new Latency();
        var viewLatency = new Latency();
        var tickets = new ConcurrentBag<string>();
        var bookings = 0;
        var timedOut = 0;
        using var stop = new CancellationTokenSource();

        var viewer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await viewLatency.Time(() => benchEvent.Grain.GetView());
        });
        var before = context.Counters.Read();
        var load = await Buyers.Run(benchEvent, context.Options.Buyers, context.Options.Duration, seatTarget: null, reserveLatency, afterHold: async (user, reservation) =>
        {
            var booking = context.Grains.GetGrain<IBookingGrain>(BookingIds.For(user, reservation.ReservationId));
            BookResult booked;
            try
            {
                booked = await bookLatency.Time(() => booking.Book(new BookCommand(user, reservation.ReservationId, "tok_visa", mail ? $"{user}@bench.example" : null)));
            }
            catch (TimeoutException)
            {
                // Counted and shown, not fatal: the audit below still proves no seat was sold twice.
                Interlocked.Increment(ref timedOut);
                return;
            }
            if (booked.Status != BookStatus.Confirmed) throw new InvalidOperationException($"Booking failed: {booked.Status} {booked.DeclineReason}");
            Interlocked.Increment(ref bookings);
            foreach (var ticket in booked.Booking!.Tickets) tickets.Add(ticket.SeatId);
        }, seed: 4);
        var writes = context.Counters.Read() - before;
        await stop.CancelAsync();
        await viewer;

        var perSecond = bookings / load.Elapsed.TotalSeconds;
        var delivered = mail ? await AwaitMails(context, bookings) : "";
        context.Report.Add(context.Storage, mail ? "reserve + pay + confirm, with mail" : "reserve + pay + confirm", seats, 0, Report.Rate(perSecond, "bookings"), bookLatency, writes,
            $"latencies: book; reserve {reserveLatency.Summary}; view in the grain {viewLatency.Summary} ({Report.N(viewLatency.Count)} views); " +
            $"{Report.N(bookings)} bookings in {load.Elapsed.TotalSeconds:F1} s{(load.SoldOut ? " (sold out)" : "")}; " +
            $"storage round trips per booking {(bookings == 0 ? 0 : writes.RoundTrips / (double)bookings):F3} ({Report.N(writes.JournalWrites)} writes carrying " +
            $"{Report.N(writes.EventAppends)} event appends and {Report.N(writes.SaleAppends)} bookings, ledger and other appends, {Report.N(writes.EventSnapshots + writes.SaleSnapshots)} snapshots)" +
            (timedOut > 0 ? $"; {timedOut} Book calls timed out (Orleans' 30 s response timeout)" : "") + delivered);

        var audit = await benchEvent.Grain.Audit();
        var soldTwice = tickets.Count - tickets.Distinct().Count();
        context.Report.Note($"{context.Storage} full flow audit: {tickets.Count} tickets, {soldTwice} seats sold twice, sold counter {audit.CountedSold} = recount {audit.RecountedSold}, seats claimed twice {audit.SeatsClaimedTwice}");
        // A timed-out booking may still have confirmed its seats: then the grain sold more than we saw.
        var countsAgree = timedOut == 0 ? audit.CountedSold == tickets.Count : audit.CountedSold >= tickets.Count;
        if (soldTwice != 0 || audit.SeatsClaimedTwice != 0 || audit.CountedSold != audit.RecountedSold || !countsAgree)
        {
            throw new InvalidOperationException($"AUDIT FAILED on {context.Storage}: a seat was sold twice or the counts disagree ({audit}).");
        }
        return perSecond;
    }

    /// <summary>Waits (at most two minutes) until the pickup folder holds a confirmation per booking; says how long after the phase that took.</summary>
    private static async Task<string> AwaitMails(BenchContext context, int bookings)
    {
        var folder = context.Services.GetRequiredService<IConfiguration>()["Mail:PickupDirectory"]!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int Written() => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml").Count() : 0;
        while (Written() < bookings && clock.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(200);
        return $"; {Report.N(Written())} of {Report.N(bookings)} confirmations written {clock.Elapsed.TotalSeconds:F1} s after the last booking";
    }
}
