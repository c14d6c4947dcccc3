using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Bookings;

/// <summary>
/// One shard of the fans' bookings. Reentrant so that the bookings begun by many fans at once
/// share one append; each call checks and records in one turn, so the first entry for a booking
/// id wins however many replays race.
/// </summary>
[Reentrant]
public sealed class BookingShardGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    ILogger<BookingShardGrain> logger) : Grain, IBookingShardGrain
{
    private BatchedJournal<BookingShardState, BookingChange, BookingShardBatch> _shard = null!;

    public static string JournalName(long shard) => $"bookings/{shard}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _shard = new(journals, serializer, journalOptions.Value, JournalName(this.GetPrimaryKeyLong()), "bookings",
            changes => new BookingShardBatch(changes), batch => batch.Changes, (state, change) => state.Apply(change), DeactivateOnIdle, logger);
        return _shard.Load();
    }

    public async Task<BookingEntry> Begin(BookingEntry entry)
    {
        _shard.EnsureCurrent();
        if (!_shard.State.Entries.ContainsKey(entry.BookingId)) _shard.Record(new BookingBegun(entry));
        await _shard.Durable();
        return _shard.State.Entries[entry.BookingId];
    }

    public async Task Forget(BookingEntry entry)
    {
        _shard.EnsureCurrent();
        if (_shard.State.Entries.GetValueOrDefault(entry.BookingId) == entry) _shard.Record(new BookingForgotten(entry));
        await _shard.Durable();
    }

    public async Task Decline(string bookingId, string reason)
    {
        _shard.EnsureCurrent();
        if (_shard.State.Entries.TryGetValue(bookingId, out var entry) && entry.DeclineReason is null) _shard.Record(new BookingDeclined(bookingId, reason));
        await _shard.Durable();
    }

    public async Task<BookingEntry?> Find(string bookingId)
    {
        _shard.EnsureCurrent();
        if (!_shard.State.Entries.ContainsKey(bookingId)) return null;
        await _shard.Durable();
        return _shard.State.Entries.GetValueOrDefault(bookingId);
    }

    public async Task<IReadOnlyList<Booking>> ListOf(string userId)
    {
        _shard.EnsureCurrent();
        await _shard.Durable();
        var entries = _shard.State.IdsOf(userId).Select(id => _shard.State.Entries[id]).Where(e => e.DeclineReason is null).ToList();
        var sales = await Task.WhenAll(entries.Select(e =>
            ReservationIds.EventIdOf(e.ReservationId) is { } eventId
                ? GrainFactory.GetGrain<IEventGrain>(eventId).GetSale(e.ReservationId, e.BookingId)
                : Task.FromResult<SaleView?>(null)));
        return [.. entries.Select((e, i) => BookingView.Of(e, sales[i])).OfType<Booking>()];
    }
}
