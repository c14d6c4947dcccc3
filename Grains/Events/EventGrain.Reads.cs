using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

public sealed partial class EventGrain
{
    /// <summary>Tells this activation's versions from another's (see <see cref="EventVersion"/>).</summary>
    private readonly Guid _activation = Guid.NewGuid();

    public Task<EventVersion?> GetVersion()
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Task.FromResult(Missing<EventVersion?>(null));
        // A hold past its time is free the moment anyone looks: the version counts that too.
        Map.ExpireDue(Now);
        return Task.FromResult<EventVersion?>(new EventVersion(State.Version, _activation));
    }
}
