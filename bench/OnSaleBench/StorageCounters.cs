using System.Diagnostics.Metrics;
using TicketMaster.Grains;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The grains' write counters (meter <c>TicketMaster</c>), read in-process: journal appends and
/// bytes and snapshots per journal (tag <c>journal</c> = <c>event</c> | <c>queue</c>; the booking's
/// other journals, <c>bookings</c> and <c>ledger</c>, together) and the event grain's
/// <c>ticketmaster.event.writes</c>, so each phase can print what one batch or one booking cost.
/// </summary>
public sealed class StorageCounters : IDisposable
{
    private const string Appends = "ticketmaster.journal.appends";
    private const string Bytes = "ticketmaster.journal.bytes";
    private const string Snapshots = "ticketmaster.journal.snapshots";
    private const string StateWrites = "ticketmaster.event.writes";
    private const string Writes = "ticketmaster.journal.writes";

    private readonly MeterListener _listener = new();
    private long _eventAppends;
    private long _eventBytes;
    private long _queueAppends;
    private long _queueBytes;
    private long _stateWrites;
    private long _eventSnapshots;
    private long _saleAppends;
    private long _saleSnapshots;
    private long _journalWrites;

    public StorageCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // By name: an instrument is published while GrainMetrics' static fields are still being assigned.
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name is Appends or Bytes or Snapshots or StateWrites or Writes)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public Snapshot Read() => new(
        Interlocked.Read(ref _eventAppends), Interlocked.Read(ref _eventBytes),
        Interlocked.Read(ref _queueAppends), Interlocked.Read(ref _queueBytes),
        Interlocked.Read(ref _stateWrites), Interlocked.Read(ref _eventSnapshots),
        Interlocked.Read(ref _saleAppends), Interlocked.Read(ref _saleSnapshots), Interlocked.Read(ref _journalWrites));

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == StateWrites)
        {
            Interlocked.Add(ref _stateWrites, value);
            return;
        }
        if (instrument.Name == Writes)
        {
            Interlocked.Add(ref _journalWrites, value);
            return;
        }
        var journal = "";
        foreach (var tag in tags)
        {
            if (tag.Key == "journal") journal = tag.Value as string ?? "";
        }
        switch (instrument.Name, journal)
        {
            case (Appends, "queue"): Interlocked.Add(ref _queueAppends, value); break;
            case (Appends, "event"): Interlocked.Add(ref _eventAppends, value); break;
            case (Appends, _): Interlocked.Add(ref _saleAppends, value); break;
            case (Bytes, "queue"): Interlocked.Add(ref _queueBytes, value); break;
            case (Bytes, "event"): Interlocked.Add(ref _eventBytes, value); break;
            case (Snapshots, "event"): Interlocked.Add(ref _eventSnapshots, value); break;
            case (Snapshots, not "queue"): Interlocked.Add(ref _saleSnapshots, value); break;
        }
    }

    /// <summary>Counter totals at one moment; subtract two to get a phase's.</summary>
    /// <param name="SaleAppends">Appends of the fans' bookings shards and the sandbox ledger's shards.</param>
    /// <param name="JournalWrites">Storage round trips that appended, of every journal: fewer than the appends where a backend writes many journals at once.</param>
    public sealed record Snapshot(long EventAppends, long EventBytes, long QueueAppends, long QueueBytes, long StateWrites, long EventSnapshots, long SaleAppends, long SaleSnapshots, long JournalWrites)
    {
        public static Snapshot operator -(Snapshot a, Snapshot b) => new(
            a.EventAppends - b.EventAppends, a.EventBytes - b.EventBytes,
            a.QueueAppends - b.QueueAppends, a.QueueBytes - b.QueueBytes,
            a.StateWrites - b.StateWrites, a.EventSnapshots - b.EventSnapshots,
            a.SaleAppends - b.SaleAppends, a.SaleSnapshots - b.SaleSnapshots,
            a.JournalWrites - b.JournalWrites);

        /// <summary>Every storage round trip that wrote: the appends' writes (every journal the sale touched: the event's, the bookings and ledger shards', the mail outbox's) and the snapshots.</summary>
        public long RoundTrips => JournalWrites + EventSnapshots + SaleSnapshots;

        public double EventBytesPerAppend => EventAppends == 0 ? 0 : EventBytes / (double)EventAppends;

        public double QueueBytesPerAppend => QueueAppends == 0 ? 0 : QueueBytes / (double)QueueAppends;
    }
}
