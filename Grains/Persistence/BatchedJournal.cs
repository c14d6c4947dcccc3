using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace TicketMaster.Grains.Persistence;

/// <summary>
/// The state of a reentrant shard grain (a ledger's or the fans' bookings) made durable in batches,
/// as the event grain makes its seat map: a call records its change in its own turn, applied to
/// memory at once, then awaits <see cref="Durable"/>, which appends every change recorded since the
/// last append as one journal record. Many callers' changes share one storage round trip; a failed
/// append deactivates the grain (<see cref="GrainPersistence"/>), so memory never keeps a change nobody was told about.
/// </summary>
public sealed class BatchedJournal<TState, TChange, TBatch>
    where TState : class, new()
    where TBatch : class, IJournalBatch
{
    private readonly Journal<TState, TBatch> _journal;
    private readonly GrainPersistence _persistence;
    private readonly Func<List<TChange>, TBatch> _batchOf;
    private readonly Func<TBatch, IEnumerable<TChange>> _changesOf;
    private readonly Action<TState, TChange> _apply;
    private List<TChange> _pending = [];

    /// <param name="apply">The one way a change reaches the state, live or replayed.</param>
    public BatchedJournal(
        IJournalStorage storage, Serializer serializer, JournalOptions options, string name, string kind,
        Func<List<TChange>, TBatch> batchOf, Func<TBatch, IEnumerable<TChange>> changesOf, Action<TState, TChange> apply,
        Action deactivate, ILogger logger)
    {
        _journal = new Journal<TState, TBatch>(storage, serializer, options, name, kind, logger);
        _persistence = new GrainPersistence($"{kind} '{name}'", AppendPending, deactivate, logger);
        _batchOf = batchOf;
        _changesOf = changesOf;
        _apply = apply;
    }

    public TState State { get; private set; } = new();

    /// <summary>Reads snapshot and records; a storage fault is retryable, an unreadable record is not.</summary>
    public async Task Load()
    {
        try
        {
            await _journal.Load(snapshot => State = snapshot ?? new TState(), batch =>
            {
                foreach (var change in _changesOf(batch)) _apply(State, change);
            });
        }
        catch (Exception e) when (e is not JournalReadException)
        {
            throw new RetryableException($"Loading journal '{_journal.Name}' failed; try again.", e);
        }
    }

    /// <summary>Throws when this activation no longer equals storage; call it first in every grain method.</summary>
    public void EnsureCurrent() => _persistence.EnsureCurrent();

    /// <summary>Applies <paramref name="change"/> to memory now; it is durable once a later <see cref="Durable"/> resolves.</summary>
    public void Record(TChange change)
    {
        _apply(State, change);
        _pending.Add(change);
    }

    /// <summary>Resolves once every change recorded so far is durable (at once when nothing is pending or in flight).</summary>
    public Task Durable() => _persistence.Durable();

    private async Task AppendPending()
    {
        if (_pending.Count == 0) return;
        var batch = _batchOf(_pending);
        _pending = [];
        await _journal.Append(batch, () => State);
    }
}
