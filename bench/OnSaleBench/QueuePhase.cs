using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Bench.OnSale;

/// <summary>What the queue phase does; the defaults are the (1,000,000 fans, 200 at a time).</summary>
public sealed record QueuePhaseOptions(int Fans = 1_000_000, int Callers = 200, double AdmitPerSecond = 1_000, int StatusSeconds = 5, int StatusSample = 10_000);

/// <summary>Joins/s as the queue grew, status checks/s, memory.</summary>
public sealed record QueuePhaseResult(IReadOnlyList<(int Queued, double JoinsPerSecond)> Joins, double StatusPerSecond, long StatusGrainCalls, long ManagedBytes);

/// <summary>
/// The waiting room under a hot on-sale: one event's room on, fans joining through the same entry
/// point as POST /api/v1/queue/{id}/join (<see cref="WaitingRoomClient.Join"/>), then status polls
/// through the frontend's cached path (<see cref="WaitingRoomClient.Status"/>), which costs one
/// watermark fetch per admit period however many fans poll. Needs a started silo in this process.
/// </summary>
public static class QueuePhase
{
    public static async Task<QueuePhaseResult> Run(IServiceProvider services, QueuePhaseOptions? options = null)
    {
        options ??= new QueuePhaseOptions();
        var grains = services.GetRequiredService<IGrainFactory>();
        var frontend = new WaitingRoomClient(grains, services.GetRequiredService<AdmissionTokens>(), TimeProvider.System);
        var eventId = await CreateEvent(grains);
        if (!await grains.GetGrain<IWaitingRoomGrain>(eventId).Configure(true, options.AdmitPerSecond)) throw new InvalidOperationException("The room did not open.");
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // Rates over windows ending at each mark: the first 10,000, then 50k..100k, then 900k..1M.
        var marks = new[] { 10_000, 50_000, 100_000, 900_000, 1_000_000 }.Where(m => m <= options.Fans).Append(options.Fans).Distinct().Order().ToArray();
        var reachedAt = new TimeSpan[marks.Length];
        var sample = new (string User, string Ticket)[Math.Min(options.StatusSample, options.Fans)];
        var every = Math.Max(1, options.Fans / sample.Length);
        var next = -1;
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(async _ =>
        {
            await Task.Yield();
            int fan;
            while ((fan = Interlocked.Increment(ref next)) < options.Fans)
            {
                var user = $"u_{fan:D8}_{eventId[^6..]}";
                var joined = await frontend.Join(eventId, user);
                if (joined.Status != JoinStatus.Joined) throw new InvalidOperationException($"Join refused: {joined.Status}");
                if (fan % every == 0 && fan / every < sample.Length) sample[fan / every] = (user, joined.QueueTicket!);
                var count = Interlocked.Increment(ref done);
                var mark = Array.IndexOf(marks, count);
                if (mark >= 0) reachedAt[mark] = stopwatch.Elapsed;
            }
        }));
        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;

        var joins = new List<(int, double)>();
        foreach (var (mark, i) in marks.Select((m, i) => (m, i)))
        {
            var from = mark switch { 100_000 => 1, 1_000_000 => 3, _ => -1 };
            if (mark is not (10_000 or 100_000 or 1_000_000) && mark != options.Fans) continue;
            var (startCount, startTime) = from >= 0 && from < i ? (marks[from], reachedAt[from]) : (0, TimeSpan.Zero);
            joins.Add((mark, (mark - startCount) / (reachedAt[i] - startTime).TotalSeconds));
        }

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
        var result = new QueuePhaseResult(joins, statuses / deadline.Elapsed.TotalSeconds, frontend.Refreshes - refreshes, managed);

        Console.WriteLine($"| queue: {options.Fans:N0} fans join, {options.Callers} at a time (WaitingRoomClient.Join, as HTTP join) | "
            + string.Join(", ", joins.Select(j => $"{j.Item2:N0} joins/s at {j.Item1:N0} queued")) + $" ({options.Fans / stopwatch.Elapsed.TotalSeconds:N0}/s overall) | | |");
        Console.WriteLine($"| queue: status polls from the frontend's cached watermarks, {options.Callers} at a time | {result.StatusPerSecond:N0} checks/s | {result.StatusGrainCalls} watermark fetches (grain calls) in {options.StatusSeconds} s | |");
        Console.WriteLine($"| queue: managed memory after the joins (silo, shards, memory journals) | {managed / 1024.0 / 1024.0:N1} MB, {(double)managed / options.Fans:N0} bytes a fan | | |");
        return result;
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
