using System.Diagnostics.Metrics;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>The request cache's counters as a metrics reader sees them, from one meter only (tests run in parallel).</summary>
public sealed class CacheCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _hits;
    private long _misses;
    private long _evictions;

    public CacheCounters(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case SearchMetrics.CacheHits: Interlocked.Add(ref _hits, value); break;
                case SearchMetrics.CacheMisses: Interlocked.Add(ref _misses, value); break;
                case SearchMetrics.CacheEvictions: Interlocked.Add(ref _evictions, value); break;
            }
        });
        _listener.Start();
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public long Evictions => Interlocked.Read(ref _evictions);

    public void Dispose() => _listener.Dispose();
}
