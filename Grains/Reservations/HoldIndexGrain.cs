using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Grains.Persistence;
using TicketMaster.Reservations;

namespace TicketMaster.Grains.Reservations;

/// <summary>
/// Reentrant so that notes from many events share one append, as the bookings shards do; the event
/// grains never wait for it, so a hold costs no second write on its own path.
/// </summary>
[Reentrant]
public sealed class HoldIndexGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    ILogger<HoldIndexGrain> logger) : Grain, IHoldIndexGrain
{
    private BatchedJournal<HoldIndexState, HoldsNoted, HoldIndexBatch> _shard = null!;

    public static string JournalName(long shard) => $"holds/{shard}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _shard = new(journals, serializer, journalOptions.Value, JournalName(this.GetPrimaryKeyLong()), "holds",
            changes => new HoldIndexBatch(changes), batch => batch.Changes, (state, change) => state.Apply(change), DeactivateOnIdle, logger);
        return _shard.Load();
    }

    public async Task Note(IReadOnlyList<HoldNote> notes)
    {
        _shard.EnsureCurrent();
        _shard.Record(new HoldsNoted([.. notes], time.GetUtcNow()));
        await _shard.Durable();
    }

    public Task<IReadOnlyList<string>> EventsOf(string userId)
    {
        _shard.EnsureCurrent();
        return Task.FromResult(_shard.State.EventsOf(userId, time.GetUtcNow()));
    }
}
