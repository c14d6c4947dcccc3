using System.Diagnostics.Metrics;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>The request cache's hit and miss counters, read the way a metrics exporter reads them.</summary>
public sealed class CacheCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _hits;
    private long _misses;

    public CacheCounters(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == SearchMetrics.CacheHits) Interlocked.Add(ref _hits, value);
            else if (instrument.Name == SearchMetrics.CacheMisses) Interlocked.Add(ref _misses, value);
        });
        _listener.Start();
    }

    /// <summary>Hits and misses since the last call.</summary>
    public (long Hits, long Misses) Take() => (Interlocked.Exchange(ref _hits, 0), Interlocked.Exchange(ref _misses, 0));

    public void Dispose() => _listener.Dispose();
}
