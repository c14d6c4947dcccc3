using System.Security.Cryptography;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// What the event grain would be without group commit: not reentrant, and every reservation
/// waits for its own write before the next caller may look at the seats.
/// </summary>
public sealed class PerCallEventGrain(
    [PersistentState("event", StorageNames.SeatMaps)] IPersistentState<EventState> state) : Grain, IPerCallEventGrain
{
    private SeatMap? _map;

    public async Task Create(EventDefinition definition, Venue venue)
    {
        state.State = new EventState { Definition = definition, Venue = venue, ReservationKey = RandomNumberGenerator.GetBytes(32) };
        _map = new SeatMap(this.GetPrimaryKeyString(), state.State);
        await state.WriteStateAsync();
    }

    public async Task<ReserveResult> Reserve(ReserveRequest request)
    {
        _map ??= new SeatMap(this.GetPrimaryKeyString(), state.State);
        var now = DateTimeOffset.UtcNow;
        _map.ExpireDue(now);
        var result = _map.Reserve(request, now.AddMinutes(10));
        if (result.Status == ReserveStatus.Held) await state.WriteStateAsync();
        return result;
    }
}
