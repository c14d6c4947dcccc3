using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class EventGrain
{
    /// <summary>
    /// Random per activation: a version this activation showed may be one a later activation never
    /// had (a change read before its append failed), so versions are compared only within an epoch.
    /// </summary>
    private readonly long _epoch = RandomNumberGenerator.GetInt32(1, int.MaxValue);

    /// <summary>A synchronous read of memory, like <see cref="GetSeats"/>: it never queues behind a write.</summary>
    public Task<SectionSeatsResult> GetSectionSeats(string sectionId, long? since, long? epoch)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing(SectionSeatsResult.EventNotFound));
        Map.ExpireDue(Now);
        Map.TrackChanges(ServiceProvider.GetRequiredService<IOptions<SeatMapOptions>>().Value.ChangeLogSize, _epoch);
        return Task.FromResult(Map.ReadSection(sectionId, since, epoch));
    }
}
