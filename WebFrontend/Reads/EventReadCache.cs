using System.Text.Json;
using Microsoft.Extensions.Options;
using TicketMaster.Events;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TicketMaster.WebFrontend.Reads;

/// <summary>
/// This frontend's copies of events' public reads (view, seat maps, and any other read of one event,
/// named by the caller: "view", "seats", "seats:A"; a read named "base@variant", such as a section's
/// changes since a version, keeps only its <see cref="VariantsKept"/> latest variants), kept as the JSON sent and stamped with the
/// event's version. An event's version is asked of its grain at most once per
/// <see cref="EventReadsSettings.CheckInterval"/> however many requests read it, and a read is fetched
/// and serialized again only when the version moved: a hot event costs about one grain call a second
/// per frontend, not one per request (docs/reads.md). When the grain does not answer (its silo or its
/// storage is down, or it takes longer than <see cref="EventReadsSettings.Timeout"/>), the last copy
/// is answered, marked stale, and the grain is asked again after the interval. An unknown event is
/// remembered as unknown (404) like any other, within the same bound: beyond
/// <see cref="EventReadsSettings.MaxBytes"/> the least recently read events are dropped.
/// </summary>
public sealed partial class EventReadCache(
    IGrainFactory grains,
    IOptions<EventReadsSettings> options,
    IOptions<JsonOptions> json,
    [FromKeyedServices(EventReadCache.ClockKey)] TimeProvider time,
    ILogger<EventReadCache> logger)
{
    /// <summary>The cache's clock, a keyed service so tests can move it alone.</summary>
    public const string ClockKey = "event-reads";

    /// <summary>Estimates of what is not counted byte by byte: an event's entry, node and dictionaries; a copy and its key.</summary>
    private const int EventOverhead = 512;
    private const int CopyOverhead = 256;

    /// <summary>
    /// Variants of one read held at once: a section's changes are asked since the versions this
    /// frontend answered lately, so older variants are not asked again and only take room.
    /// </summary>
    public const int VariantsKept = 4;

    /// <summary>What a fetch hands its waiters when the event has no such part: never stored.</summary>
    private static readonly CachedRead NoSuchPart = new(new EventVersion(0, Guid.Empty), new ReadBody([]), DateTimeOffset.MinValue);

    private readonly EventReadsSettings _settings = options.Value;
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<EventEntry>> _events = new(StringComparer.Ordinal);

    /// <summary>Most recently read first.</summary>
    private readonly LinkedList<EventEntry> _recency = new();
    private long _bytes;

    /// <summary>Bytes held now: bodies in every form made, and a fixed estimate per event and per copy.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock) return _bytes;
        }
    }

    /// <summary>Events held now, unknown ones included.</summary>
    public int Events
    {
        get
        {
            lock (_lock) return _events.Count;
        }
    }

    /// <summary>
    /// The read <paramref name="what"/> of event <paramref name="eventId"/>: the copy when it is as of the
    /// event's version, else <paramref name="fetch"/> from the grain (null: no such event) rendered by
    /// <paramref name="respond"/>, tagged by <paramref name="etag"/> when given (else by its bytes). When
    /// <paramref name="respond"/> gives null the event has no such part (an unknown section): that is
    /// answered as <see cref="EventReadAnswer.PartNotFound"/> and not kept, so made-up names take no room.
    /// Throws <see cref="RetryableException"/> only when the grain does not answer and there is no copy
    /// to answer with.
    /// </summary>
    public async Task<EventReadAnswer> Read<T, TResponse>(
        string eventId, string what, Func<IEventGrain, Task<T?>> fetch, Func<T, TResponse?> respond, Func<T, string>? etag = null,
        CancellationToken cancellationToken = default)
        where T : class
        where TResponse : class
    {
        var entry = Enter(eventId, out var check);
        var answered = check is null || await Answered(check, cancellationToken);

        Task<CachedRead?> fetching;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            entry.Reads.TryGetValue(what, out var copy);
            if (!answered || entry.Failure is not null)
            {
                if (copy is not null) return Stale(entry, copy, now);
                if (entry.Missing) return EventReadAnswer.NotFound;
                throw NotAnswering(eventId, entry.Failure);
            }
            if (entry.Missing) return EventReadAnswer.NotFound;
            if (copy is not null && copy.Stamp == entry.Current) return new EventReadAnswer(copy.Body, false, TimeSpan.Zero);
            if (entry.Fetching.TryGetValue(what, out fetching!))
            {
                // One request waits for the new version; the others meanwhile get the copy one version older, which is
                // as old as the interval allows plus one fetch (the seconds a large map takes to render must not queue every poll).
                if (copy is not null) return new EventReadAnswer(copy.Body, false, TimeSpan.Zero);
            }
            else
            {
                var done = new TaskCompletionSource<CachedRead?>(TaskCreationOptions.RunContinuationsAsynchronously);
                fetching = done.Task;
                entry.Fetching.Add(what, fetching);
                _ = Fetch(entry, what, entry.Current!, fetch, respond, etag, done);
            }
        }

        Exception? failure = null;
        try
        {
            if (await Answered(fetching, cancellationToken))
            {
                var fetched = await fetching;
                if (ReferenceEquals(fetched, NoSuchPart)) return EventReadAnswer.PartNotFound;
                return fetched is null ? EventReadAnswer.NotFound : new EventReadAnswer(fetched.Body, false, TimeSpan.Zero);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = e;
        }
        lock (_lock)
        {
            if (entry.Reads.TryGetValue(what, out var copy)) return Stale(entry, copy, time.GetUtcNow());
            throw NotAnswering(eventId, failure);
        }
    }

    /// <summary>The event's entry, made most recent; <paramref name="check"/> is the version check to wait for, started here when one is due.</summary>
    private EventEntry Enter(string eventId, out Task? check)
    {
        TaskCompletionSource? started = null;
        EventEntry entry;
        lock (_lock)
        {
            if (_events.TryGetValue(eventId, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }
            else
            {
                node = _recency.AddFirst(new EventEntry(eventId));
                _events.Add(eventId, node);
                Grow(node.Value, EventOverhead + 2L * eventId.Length);
            }
            entry = node.Value;
            var now = time.GetUtcNow();
            if (entry.Checking is null && now - entry.CheckedAt >= _settings.CheckInterval)
            {
                started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                entry.Checking = started.Task;
                entry.CheckedAt = now;
            }
            check = entry.Checking;
        }
        if (started is not null) _ = Check(entry, started);
        return entry;
    }

    /// <summary>Asks the grain for the event's version; never throws: a failure is kept on the entry until the next check.</summary>
    private async Task Check(EventEntry entry, TaskCompletionSource done)
    {
        try
        {
            var stamp = await grains.GetGrain<IEventGrain>(entry.EventId).GetVersion();
            lock (_lock)
            {
                entry.Current = stamp;
                entry.Missing = stamp is null;
                entry.Failure = null;
                entry.ConfirmedAt = time.GetUtcNow();
            }
        }
        catch (Exception e)
        {
            LogNotAnswering(logger, e, entry.EventId);
            lock (_lock) entry.Failure = e;
        }
        finally
        {
            lock (_lock) entry.Checking = null;
            done.SetResult();
        }
    }

    private async Task Fetch<T, TResponse>(
        EventEntry entry, string what, EventVersion stamp, Func<IEventGrain, Task<T?>> fetch, Func<T, TResponse?> respond, Func<T, string>? etag,
        TaskCompletionSource<CachedRead?> done)
        where T : class
        where TResponse : class
    {
        try
        {
            // Fetched after the check that gave the stamp, so the copy is at least as new as its stamp says.
            var value = await fetch(grains.GetGrain<IEventGrain>(entry.EventId));
            CachedRead? copy = null;
            if (value is null)
            {
                lock (_lock) entry.Missing = true;
            }
            else if (respond(value) is not { } response)
            {
                copy = NoSuchPart;
            }
            else
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(response, _json);
                ReadBody? previous;
                lock (_lock) previous = entry.Reads.GetValueOrDefault(what)?.Body;
                var tag = etag?.Invoke(value);
                // An unchanged answer keeps its body: its tag, and the compressed forms already made.
                var body = previous is not null && (tag is null || tag == previous.ETag) && previous.Json.AsSpan().SequenceEqual(bytes)
                    ? previous
                    : Body(entry, what, bytes, tag);
                copy = new CachedRead(stamp, body, time.GetUtcNow());
                lock (_lock) Store(entry, what, copy);
            }
            lock (_lock) entry.Fetching.Remove(what);
            done.SetResult(copy);
        }
        catch (Exception e)
        {
            LogNotAnswering(logger, e, entry.EventId);
            lock (_lock)
            {
                entry.Fetching.Remove(what);
                // Ask again after the interval, not on the next request.
                entry.Failure = e;
            }
            done.SetException(e);
        }
    }

    private async Task<bool> Answered(Task task, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(_settings.Timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            return false;
        }
    }

    private static EventReadAnswer Stale(EventEntry entry, CachedRead copy, DateTimeOffset now)
    {
        var asOf = copy.Stamp == entry.Current ? entry.ConfirmedAt : copy.FetchedAt;
        return new EventReadAnswer(copy.Body, true, now - asOf);
    }

    private static RetryableException NotAnswering(string eventId, Exception? failure) =>
        new($"Event '{eventId}' did not answer and this frontend has no copy of it; try again.", failure!);

    /// <summary>Under the lock. A copy replacing one with the same body counts nothing new.</summary>
    private void Store(EventEntry entry, string what, CachedRead copy)
    {
        if (entry.Evicted) return;
        if (entry.Reads.TryGetValue(what, out var old) && ReferenceEquals(old.Body, copy.Body))
        {
            entry.Reads[what] = copy;
            return;
        }
        if (old is not null) Grow(entry, -entry.Counted[what]);
        else if (what.IndexOf('@') is > 0 and var at) DropOldVariants(entry, what[..(at + 1)]);
        entry.Reads[what] = copy;
        entry.Counted[what] = CopyOverhead + 2L * what.Length + copy.Body.Json.Length;
        Grow(entry, entry.Counted[what]);
    }

    /// <summary>Under the lock, before a new variant is stored: leaves room for it among the <see cref="VariantsKept"/> most recently fetched.</summary>
    private void DropOldVariants(EventEntry entry, string prefix)
    {
        var variants = entry.Reads.Where(read => read.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (variants.Count < VariantsKept) return;
        foreach (var (what, _) in variants.OrderBy(read => read.Value.FetchedAt).Take(variants.Count - VariantsKept + 1))
        {
            entry.Reads.Remove(what);
            Grow(entry, -entry.Counted[what]);
            entry.Counted.Remove(what);
        }
    }

    /// <summary>A body whose compressed forms, made on first demand, count from then on while it is held.</summary>
    private ReadBody Body(EventEntry entry, string what, byte[] json, string? etag)
    {
        ReadBody body = null!;
        body = new ReadBody(json, etag: etag, grew: added =>
        {
            lock (_lock)
            {
                if (entry.Evicted || !entry.Reads.TryGetValue(what, out var held) || !ReferenceEquals(held.Body, body)) return;
                entry.Counted[what] += added;
                Grow(entry, added);
            }
        });
        return body;
    }

    private void Grow(EventEntry entry, long bytes)
    {
        entry.Bytes += bytes;
        _bytes += bytes;
        if (bytes > 0) Evict();
    }

    private void Evict()
    {
        while (_bytes > _settings.MaxBytes && _recency.Last is { } last)
        {
            _recency.RemoveLast();
            _events.Remove(last.Value.EventId);
            last.Value.Evicted = true;
            _bytes -= last.Value.Bytes;
        }
    }

    /// <summary>One event's state in this cache; every field is read and written under the cache's lock.</summary>
    private sealed class EventEntry(string eventId)
    {
        public string EventId { get; } = eventId;

        /// <summary>The version the grain last gave.</summary>
        public EventVersion? Current;

        /// <summary>The grain last said there is no such event.</summary>
        public bool Missing;

        /// <summary>Why the grain did not answer the last check or fetch; null once it answers again.</summary>
        public Exception? Failure;

        public DateTimeOffset CheckedAt = DateTimeOffset.MinValue;
        public DateTimeOffset ConfirmedAt;
        public Task? Checking;
        public readonly Dictionary<string, CachedRead> Reads = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Counted = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Task<CachedRead?>> Fetching = new(StringComparer.Ordinal);
        public long Bytes;
        public bool Evicted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} did not answer a read; its last copy is answered, marked stale")]
    private static partial void LogNotAnswering(ILogger logger, Exception exception, string eventId);
}
