using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace TicketMaster.Grains.Persistence;

/// <summary>
/// How every grain that batches its writes makes a change durable and recovers when it cannot.
/// A call changes memory in its own turn and awaits <see cref="Durable"/>, which group-commits it
/// (in a grain that is not reentrant a batch is simply that one call's write).
/// When a write fails, its batch (and the batch queued behind it) fails with a
/// <see cref="RetryableException"/> (HTTP 503) and this activation stops serving and deactivates:
/// the next activation loads what storage holds, so memory never keeps a change nobody was told
/// about. A conflict (stale ETag, journal sequence taken) means another activation owns the state.
/// </summary>
public sealed partial class GrainPersistence
{
    private readonly string _what;
    private readonly Action _deactivate;
    private readonly ILogger _logger;
    private readonly GroupCommit _commits;
    private Exception? _broken;

    /// <param name="what">Names the state in messages, e.g. "event 'evt_1'".</param>
    /// <param name="write">Writes everything changed since the last write; must take its copy before its first await.</param>
    /// <param name="deactivate">The grain's DeactivateOnIdle.</param>
    public GrainPersistence(string what, Func<Task> write, Action deactivate, ILogger logger)
    {
        _what = what;
        _deactivate = deactivate;
        _logger = logger;
        // Once broken, nothing more is written: memory may hold changes of the batch that failed.
        _commits = new GroupCommit(() => _broken is null ? Timed(write) : Task.FromException(Stale()), Broken);
    }

    /// <summary>Throws when this activation no longer equals storage; call it first in every grain method.</summary>
    public void EnsureCurrent()
    {
        if (_broken is not null) throw Stale();
    }

    private static async Task Timed(Func<Task> write)
    {
        var start = Stopwatch.GetTimestamp();
        await write();
        GrainMetrics.StorageWriteDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private RetryableException Stale() => new($"The {_what} is moving to a fresh activation; try again.");

    /// <summary>Resolves once every change made so far is durable.</summary>
    public async Task Durable()
    {
        try
        {
            await _commits.Commit();
        }
        catch (Exception e) when (e is not RetryableException)
        {
            throw new RetryableException($"Saving the {_what} failed; nothing was changed. Try again.", e);
        }
    }

    private void Broken(Exception e)
    {
        if (_broken is not null) return;
        _broken = e;
        if (e is InconsistentStateException) LogStale(_logger, e, _what);
        else LogWriteFailed(_logger, e, _what);
        _deactivate();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {What}: storage is newer than this activation; deactivating")]
    private static partial void LogStale(ILogger logger, Exception exception, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {What}: a write failed; deactivating so the next activation loads what storage holds")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string what);
}
