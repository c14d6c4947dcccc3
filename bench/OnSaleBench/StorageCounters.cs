using System.Diagnostics.Metrics;
using TicketMaster.Grains;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The grains' write counters (meter <c>TicketMaster</c>), read in-process: journal appends and
/// bytes per journal (tag <c>journal</c> = <c>event</c> | <c>queue</c>) and the whole-state writes
/// of the event grain, so each phase can print what one batch cost.
/// </summary>
public sealed class StorageCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _eventAppends;
    private long _eventBytes;
    private long _queueAppends;
    private long _queueBytes;
    private long _stateWrites;

    public StorageCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName
                && (instrument == GrainMetrics.JournalAppends || instrument == GrainMetrics.JournalBytes || instrument == GrainMetrics.StorageWrites))
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
        Interlocked.Read(ref _stateWrites));

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument == GrainMetrics.StorageWrites)
        {
            Interlocked.Add(ref _stateWrites, value);
            return;
        }
        var queue = false;
        foreach (var tag in tags)
        {
            if (tag.Key == "journal") queue = tag.Value as string == "queue";
        }
        var appends = instrument == GrainMetrics.JournalAppends;
        if (queue) Interlocked.Add(ref (appends ? ref _queueAppends : ref _queueBytes), value);
        else Interlocked.Add(ref (appends ? ref _eventAppends : ref _eventBytes), value);
    }

    /// <summary>Counter totals at one moment; subtract two to get a phase's.</summary>
    public sealed record Snapshot(long EventAppends, long EventBytes, long QueueAppends, long QueueBytes, long StateWrites)
    {
        public static Snapshot operator -(Snapshot a, Snapshot b) => new(
            a.EventAppends - b.EventAppends, a.EventBytes - b.EventBytes,
            a.QueueAppends - b.QueueAppends, a.QueueBytes - b.QueueBytes,
            a.StateWrites - b.StateWrites);

        public double EventBytesPerAppend => EventAppends == 0 ? 0 : EventBytes / (double)EventAppends;

        public double QueueBytesPerAppend => QueueAppends == 0 ? 0 : QueueBytes / (double)QueueAppends;
    }
}
