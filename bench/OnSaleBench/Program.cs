using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketMaster.Bench.OnSale;
using TicketMaster.Bookings;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Silo.Hosting;

// An on-sale: many buyers against one 50,000-seat event. Group commit and its baseline (one write
// per reservation) run side by side in this one process, on the same storage.
var quick = args.Contains("--quick");
var storage = Arg("--storage") ?? "Memory";
var seconds = int.Parse(Arg("--duration") ?? (quick ? "15" : "40"), CultureInfo.InvariantCulture);
var buyers = int.Parse(Arg("--buyers") ?? "200", CultureInfo.InvariantCulture);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Orleans:Storage"] = storage,
    ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
    ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
    ["Orleans:ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8],
    ["ConnectionStrings:Postgres"] = Arg("--connection"),
});
builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

var venue = await CreateVenue(grains);
Console.WriteLine($"On-sale bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, storage {storage}, {buyers} concurrent buyers, {venue.Sections.Sum(s => s.SeatCount)} seats, up to {seconds} s a phase, {Environment.ProcessorCount} cores");

var groupCommit = await ReserveOnly("group commit (EventGrain)", async () =>
{
    var id = await CreateEvent(grains, venue);
    var grain = grains.GetGrain<IEventGrain>(id);
    return request => grain.Reserve(request);
});
var perCall = await ReserveOnly("one write per reservation (baseline)", async () =>
{
    var id = "evt_base_" + Guid.NewGuid().ToString("N");
    var grain = grains.GetGrain<IPerCallEventGrain>(id);
    await grain.Create(Definition(venue), venue);
    return request => grain.Reserve(request);
});
Console.WriteLine($"| ratio group commit / baseline | {groupCommit.HoldsPerSecond / Math.Max(perCall.HoldsPerSecond, 0.001):F1}x holds/s | p99 {perCall.Reserve.Ms(99) / Math.Max(groupCommit.Reserve.Ms(99), 0.001):F1}x lower | | |");

await FullFlow();
await StorageCost();
await host.StopAsync();
return;

// One caller, one write at a time: what a write of the whole seat map costs against a journal append.
async Task StorageCost()
{
    const int writes = 200;
    var snapshot = new Latency();
    var snapshotGrain = grains.GetGrain<IPerCallEventGrain>("evt_cost_" + Guid.NewGuid().ToString("N"));
    await snapshotGrain.Create(Definition(venue), venue);
    for (var i = 0; i < writes; i++)
    {
        await snapshot.Time(() => snapshotGrain.Reserve(ReserveRequest.BestAvailable($"u_{i}", venue.Sections[i % 10].SectionId, 2)));
    }
    var journal = new Latency();
    var journalGrain = grains.GetGrain<IJournalProbeGrain>("journal_" + Guid.NewGuid().ToString("N"));
    for (var i = 0; i < writes; i++)
    {
        await journal.Time(async () => { await journalGrain.Append(new SeatEvent(i, $"u_{i}", [2 * i, 2 * i + 1], DateTimeOffset.UtcNow.AddMinutes(10))); return 0; });
    }
    Console.WriteLine($"| write of the whole 50,000-seat map (per call, sequential) | {1000 / snapshot.Ms(50):F0} writes/s | {snapshot.Summary} | | |");
    Console.WriteLine($"| journal append of one seat event (sequential) | {1000 / journal.Ms(50):F0} writes/s | {journal.Summary} | | |");
}

async Task<PhaseResult> ReserveOnly(string name, Func<Task<Func<ReserveRequest, Task<ReserveResult>>>> setUp)
{
    var reserve = await setUp();
    var latency = new Latency();
    var holds = 0;
    var soldOut = new bool[venue.Sections.Count];
    var stopwatch = Stopwatch.StartNew();
    var deadline = DateTime.UtcNow.AddSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, buyers).Select(async b =>
    {
        var random = new Random(b);
        while (DateTime.UtcNow < deadline)
        {
            var open = Enumerable.Range(0, soldOut.Length).Where(i => !Volatile.Read(ref soldOut[i])).ToList();
            if (open.Count == 0) return;
            var section = open[random.Next(open.Count)];
            var result = await latency.Time(() => reserve(ReserveRequest.BestAvailable($"u_{b}", venue.Sections[section].SectionId, random.Next(1, 5))));
            if (result.Status == ReserveStatus.Held) Interlocked.Increment(ref holds);
            else Volatile.Write(ref soldOut[section], true);
        }
    }));
    var result = new PhaseResult(holds, stopwatch.Elapsed, latency);
    Console.WriteLine($"| {name} | {result.HoldsPerSecond:F0} holds/s ({holds} holds in {stopwatch.Elapsed.TotalSeconds:F1} s) | reserve {latency.Summary} | | |");
    return result;
}

async Task FullFlow()
{
    var eventId = await CreateEvent(grains, venue);
    var grain = grains.GetGrain<IEventGrain>(eventId);
    var reserveLatency = new Latency();
    var bookLatency = new Latency();
    var viewLatency = new Latency();
    var tickets = new List<string>();
    var bookings = 0;
    var soldOut = new bool[venue.Sections.Count];
    var stopwatch = Stopwatch.StartNew();
    var deadline = DateTime.UtcNow.AddSeconds(seconds);
    using var stop = new CancellationTokenSource();

    var viewer = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested) await viewLatency.Time(() => grain.GetView());
    });
    await Task.WhenAll(Enumerable.Range(0, buyers).Select(async b =>
    {
        var random = new Random(1000 + b);
        var user = $"u_{Guid.NewGuid():N}";
        while (DateTime.UtcNow < deadline)
        {
            var open = Enumerable.Range(0, soldOut.Length).Where(i => !Volatile.Read(ref soldOut[i])).ToList();
            if (open.Count == 0) return;
            var section = open[random.Next(open.Count)];
            var held = await reserveLatency.Time(() => grain.Reserve(ReserveRequest.BestAvailable(user, venue.Sections[section].SectionId, random.Next(1, 5))));
            if (held.Status != ReserveStatus.Held) { Volatile.Write(ref soldOut[section], true); continue; }
            var booked = await bookLatency.Time(() => grains.GetGrain<IBookingGrain>(BookingIds.For(user, held.Reservation!.ReservationId))
                .Book(new BookCommand(user, held.Reservation.ReservationId, "tok_visa")));
            if (booked.Status != BookStatus.Confirmed) throw new InvalidOperationException($"Booking failed: {booked.Status} {booked.Error}");
            Interlocked.Increment(ref bookings);
            lock (tickets) tickets.AddRange(booked.Booking!.Tickets.Select(t => t.SeatId));
        }
    }));
    var elapsed = stopwatch.Elapsed;
    await stop.CancelAsync();
    await viewer;

    var audit = await grain.Audit();
    var soldTwice = tickets.Count - tickets.Distinct().Count();
    Console.WriteLine($"| reserve + pay + confirm (EventGrain + BookingGrain) | {bookings / elapsed.TotalSeconds:F0} bookings/s, {tickets.Count / elapsed.TotalSeconds:F0} tickets/s ({bookings} bookings in {elapsed.TotalSeconds:F1} s) | reserve {reserveLatency.Summary} | book {bookLatency.Summary} | view during the run: {viewLatency.Summary} ({viewLatency.Count} views) |");
    Console.WriteLine($"Final check: {tickets.Count} tickets, {soldTwice} seats sold twice, grain counts sold {audit.CountedSold} = recount {audit.RecountedSold}, seats claimed twice {audit.SeatsClaimedTwice}");
    if (soldTwice != 0 || audit.SeatsClaimedTwice != 0 || audit.CountedSold != tickets.Count || audit.RecountedSold != tickets.Count)
    {
        throw new InvalidOperationException("A seat was sold twice or the counts disagree.");
    }
}

static async Task<Venue> CreateVenue(IGrainFactory grains)
{
    var sections = Enumerable.Range(1, 10).Select(i => SectionDefinition.Seated($"S{i}", $"Section {i}", 50, 100)).ToList();
    var venue = new Venue("ven_bench_" + Guid.NewGuid().ToString("N"), "Bench Stadium", "Berlin", "Olympiapark 1", sections);
    await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);
    return venue;
}

static EventDefinition Definition(Venue venue) => new("Bench Night", "An on-sale", "concert", DateTimeOffset.UtcNow.AddMonths(3), venue.VenueId, [],
    venue.Sections.Select(s => new SectionPrice(s.SectionId, 80m, "EUR")).ToList());

static async Task<string> CreateEvent(IGrainFactory grains, Venue venue)
{
    var id = "evt_bench_" + Guid.NewGuid().ToString("N");
    var created = await grains.GetGrain<IEventGrain>(id).Create(Definition(venue));
    if (created.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"{created.Status} {created.Field} {created.Error}");
    return id;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal sealed record PhaseResult(int Holds, TimeSpan Elapsed, Latency Reserve)
{
    public double HoldsPerSecond => Holds / Elapsed.TotalSeconds;
}
