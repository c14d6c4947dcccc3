using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketMaster.Bench.OnSale;

// An on-sale, side by side in one run: the usual PostgreSQL design (SKIP LOCKED) as the baseline,
// then per storage the event grain's reserve rate by event size, fresh and already held, the full
// flow with a viewer, and the memory of a sold-out event. Usage: --help.
var command = BenchOptions.Command();
command.SetAction((parsed, _) => Run(BenchOptions.From(parsed), args));
return await command.Parse(args).InvokeAsync();

static async Task<int> Run(BenchOptions options, string[] args)
{
    var report = new Report();
    using var counters = new StorageCounters();
    await using var storage = await BenchStorage.Start(options);
    Console.CancelKeyPress += (_, _) => storage.StopNow();

    Console.WriteLine($"On-sale bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}, {Environment.ProcessorCount} cores, " +
        $"{options.Buyers} buyers asking for {Buyers.SeatsPerHold} best-available seats in a random open section, phases of up to {options.Duration.TotalSeconds:F0} s, " +
        $"storages {string.Join(", ", options.Storages)}");
    Console.WriteLine($"Command: dotnet run -c Release --project bench/OnSaleBench --{(args.Length == 0 ? "" : " " + string.Join(' ', args))}");
    Console.WriteLine(Report.Header);

    double? baseline = null;
    double? bookingBaseline = null;
    if (options.Baseline)
    {
        Console.Error.WriteLine($"baseline on {storage.Describe("Postgres")}...");
        baseline = await PostgresBaseline.Run(storage.PostgresConnection!, options, report);
        bookingBaseline = await PostgresBaseline.RunFullFlow(storage.PostgresConnection!, options, report);
    }

    foreach (var kind in options.Storages)
    {
        Console.Error.WriteLine($"{kind}: {storage.Describe(kind)}...");
        using var host = await storage.StartSilo(kind);
        var context = new BenchContext(kind, host.Services, host.Services.GetRequiredService<IGrainFactory>(), options, report, counters);

        // First, while the silo holds nothing else that could be collected during the measurement.
        await EventMemoryPhase.Run(context);
        var rates = await EventPhase.Run(context);
        var bookings = await FullFlowPhase.Run(context, mail: false);
        if (bookingBaseline is { } bb && bb > 0)
        {
            report.Note($"{kind}: full flow / PostgreSQL SKIP LOCKED full-flow baseline = {bookings / bb:F1}x ({Report.N(bookings)} vs {Report.N(bb)} bookings/s, same run, same PostgreSQL server)");
        }
        if (options.Mail)
        {
            var mailed = await FullFlowPhase.Run(context, mail: true);
            report.Note($"{kind}: full flow with mail / without = {mailed / bookings:F2} ({Report.N(mailed)} vs {Report.N(bookings)} bookings/s, same silo, one after the other)");
        }
        if (options.QueueFans > 0)
        {
            await QueuePhase.Run(host.Services, new QueuePhaseOptions(Fans: options.QueueFans, WarmUpFans: Math.Min(50_000, options.QueueFans / 2)));
        }

        if (options.PreQueueFans > 0) await PreQueuePhase.Run(host.Services, options.PreQueueFans);
        if (options.WaitlistFans > 0) await WaitlistPhase.Run(host.Services, options.WaitlistFans);

        Ratios(context, rates, baseline);
        await host.StopAsync();
    }

    report.PrintAll();
    return 0;
}

static void Ratios(BenchContext context, IReadOnlyList<EventRate> rates, double? baseline)
{
    var fresh = rates.Where(r => r.HeldBefore == 0).MinBy(r => r.Seats);
    if (fresh is null) return;
    if (baseline is { } b && b > 0)
    {
        context.Report.Note($"{context.Storage}: event grain / PostgreSQL SKIP LOCKED baseline = {fresh.HoldsPerSecond / b:F1}x " +
            $"({Report.N(fresh.HoldsPerSecond)} holds/s on the fresh {Report.N(fresh.Seats)}-seat event, baseline {Report.N(b)} holds/s, same run, same PostgreSQL server)");
    }
    var heaviest = rates.Where(r => r.HeldBefore > 0).MaxBy(r => (r.Seats, r.HeldBefore));
    if (heaviest is not null && heaviest.HoldsPerSecond > 0)
    {
        context.Report.Note($"{context.Storage}: fresh {Report.N(fresh.Seats)}-seat event / {Report.N(heaviest.Seats)}-seat event with {Report.N(heaviest.HeldBefore)} seats held = " +
            $"{fresh.HoldsPerSecond / heaviest.HoldsPerSecond:F2}x ({Report.N(fresh.HoldsPerSecond)} vs {Report.N(heaviest.HoldsPerSecond)} holds/s)");
    }
}

static string Commit()
{
    try
    {
        var git = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = BenchStorage.RepositoryRoot() };
        using var process = Process.Start(git)!;
        var commit = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var dirty = Process.Start(new ProcessStartInfo("git", "status --porcelain --untracked-files=no") { RedirectStandardOutput = true, WorkingDirectory = git.WorkingDirectory })!;
        var changes = dirty.StandardOutput.ReadToEnd().Trim();
        dirty.WaitForExit();
        return process.ExitCode == 0 ? commit + (changes.Length > 0 ? " (with uncommitted changes)" : "") : "unknown";
    }
    catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
    {
        return "unknown";
    }
}
