using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Bench.OnSale;

/// <summary>What the queue phase does; the defaults are the (1,000,000 fans, 200 at a time).</summary>
public sealed record QueuePhaseOptions(
    int Fans = 1_000_000,
    int Callers = 200,
    double AdmitPerSecond = 1_000,
    int StatusSeconds = 5,
    int StatusSample = 10_000,
    int WarmUpFans = 50_000);

/// <summary>Joins/s as the queue grew, status checks/s, memory.</summary>
public sealed record QueuePhaseResult(IReadOnlyList<(int Queued, double JoinsPerSecond)> Joins, double StatusPerSecond, long StatusGrainCalls, long ManagedBytes, double GrainCallsPerSecond);

/// <summary>
/// The waiting room under a hot on-sale: one event's room on, fans joining through the same entry
/// point as POST /api/v1/queue/{id}/join (<see cref="WaitingRoomClient.Join"/>), then status polls
/// through the frontend's cached path (<see cref="WaitingRoomClient.Status"/>), which costs one
/// watermark fetch per admit period however many fans poll. Needs a started silo in this process.
/// </summary>
public static class QueuePhase
{
    private static readonly int[] Marks = [10_000, 100_000, 1_000_000];

    public static async Task<QueuePhaseResult> Run(IServiceProvider services, QueuePhaseOptions? options = null)
    {
        options ??= new QueuePhaseOptions();
        var grains = services.GetRequiredService<IGrainFactory>();
        var frontend = new WaitingRoomClient(grains, services.GetRequiredService<AdmissionTokens>(), TimeProvider.System);
        // A warm-up room first, so the first mark measures the queue rather than tier-0 code.
        var warmUp = await OpenRoom(grains, options.AdmitPerSecond);
        await Join(frontend, warmUp, Math.Min(options.WarmUpFans, options.Fans), options.Callers, [], [], stopwatch: null);
        var eventId = await OpenRoom(grains, options.AdmitPerSecond);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // Each rate is over the second half of the way to its mark: 5k..10k, 50k..100k, 500k..1M.
        var marks = Marks.Where(m => m < options.Fans).Append(options.Fans).ToArray();
        var checkpoints = marks.SelectMany(m => new[] { m / 2, m }).Distinct().Order().ToArray();
        var reachedAt = new TimeSpan[checkpoints.Length];
        var sample = new (string User, string Ticket)[Math.Min(options.StatusSample, options.Fans)];
        var stopwatch = Stopwatch.StartNew();
        await Join(frontend, eventId, options.Fans, options.Callers, checkpoints, reachedAt, stopwatch, sample);
        var elapsed = stopwatch.Elapsed;
        var joinFetches = frontend.Refreshes;
        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
        var joins = marks.Select(m =>
        {
            var from = Array.IndexOf(checkpoints, m / 2);
            var to = Array.IndexOf(checkpoints, m);
            return (m, (m - m / 2) / (reachedAt[to] - reachedAt[from]).TotalSeconds);
        }).ToList();

        var refreshes = frontend.Refreshes;
        var statuses = 0L;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(async c =>
        {
            await Task.Yield();
            var random = new Random(c);
            while (deadline.Elapsed.TotalSeconds < options.StatusSeconds)
            {
                var (user, ticket) = sample[random.Next(sample.Length)];
                if (await frontend.Status(eventId, user, ticket) is null) throw new InvalidOperationException("A ticket was not recognised.");
                Interlocked.Increment(ref statuses);
            }
        }));
        var statusRate = statuses / deadline.Elapsed.TotalSeconds;
        var watermarkFetches = frontend.Refreshes - refreshes;

        // A yardstick for how busy the machine is: the same callers making a small grain call that does no work.
        var calls = 0L;
        var room = grains.GetGrain<IWaitingRoomGrain>(warmUp);
        var yardstick = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(async _ =>
        {
            await Task.Yield();
            while (yardstick.Elapsed.TotalSeconds < 3)
            {
                await room.GetWatermarks(long.MaxValue, long.MaxValue);
                Interlocked.Increment(ref calls);
            }
        }));
        var result = new QueuePhaseResult(joins, statusRate, watermarkFetches, managed, calls / yardstick.Elapsed.TotalSeconds);

        Console.WriteLine($"| queue: {options.Fans:N0} fans join, {options.Callers} at a time (WaitingRoomClient.Join, as HTTP join) | "
            + string.Join(", ", joins.Select(j => $"{j.Item2:N0} joins/s at {j.Item1:N0} queued")) + $" ({options.Fans / elapsed.TotalSeconds:N0}/s overall) | {joinFetches} watermark fetches in {elapsed.TotalSeconds:N0} s | |");
        Console.WriteLine($"| queue: status polls from the frontend's cached watermarks, {options.Callers} at a time | {result.StatusPerSecond:N0} checks/s | {result.StatusGrainCalls} watermark fetches (grain calls) in {options.StatusSeconds} s | |");
        Console.WriteLine($"| queue: managed memory after the joins (silo, shards, memory journals) | {managed / 1024.0 / 1024.0:N1} MB, {(double)managed / options.Fans:N0} bytes a fan | | |");
        Console.WriteLine($"| queue: yardstick, {options.Callers} callers making a grain call that does no work | {result.GrainCallsPerSecond:N0} calls/s | | |");
        return result;
    }

    /// <summary>Fans 0..count-1 join, <paramref name="callers"/> at a time; records when each checkpoint count was reached and every n-th ticket.</summary>
    private static async Task Join(WaitingRoomClient frontend, string eventId, int count, int callers, int[] checkpoints, TimeSpan[] reachedAt,
        Stopwatch? stopwatch, (string User, string Ticket)[]? sample = null)
    {
        var every = sample is { Length: > 0 } ? Math.Max(1, count / sample.Length) : int.MaxValue;
        var done = 0;
        await Fanout.Each(count, callers, async fan =>
        {
            var user = $"u_{fan:D8}_{eventId[^6..]}";
            var joined = await frontend.Join(eventId, user);
            if (joined.Status != JoinStatus.Joined) throw new InvalidOperationException($"Join refused: {joined.Status}");
            if (sample is not null && fan % every == 0 && fan / every < sample.Length) sample[fan / every] = (user, joined.QueueTicket!);
            var reached = Array.IndexOf(checkpoints, Interlocked.Increment(ref done));
            if (reached >= 0) reachedAt[reached] = stopwatch!.Elapsed;
        });
    }

    private static async Task<string> OpenRoom(IGrainFactory grains, double admitPerSecond)
    {
        var eventId = await CreateEvent(grains);
        if (!await grains.GetGrain<IWaitingRoomGrain>(eventId).Configure(true, admitPerSecond)) throw new InvalidOperationException("The room did not open.");
        return eventId;
    }

    private static async Task<string> CreateEvent(IGrainFactory grains)
    {
        var venue = new Venue("ven_queue_" + Guid.NewGuid().ToString("N"), "Queue Arena", "Berlin", "Street 1", [SectionDefinition.Seated("A", "Floor", 10, 100)]);
        await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);
        var id = "evt_queue_" + Guid.NewGuid().ToString("N");
        var created = await grains.GetGrain<IEventGrain>(id).Create(new EventDefinition("Queue Night", "A hot on-sale", "concert",
            DateTimeOffset.UtcNow.AddMonths(3), venue.VenueId, [], [new SectionPrice("A", 80m, "EUR")]));
        if (created.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"{created.Status} {created.Error}");
        return id;
    }
}
