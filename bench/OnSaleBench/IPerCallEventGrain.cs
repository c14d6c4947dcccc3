using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Bench.OnSale;

/// <summary>The baseline: the same seat map, written once per reservation, one call at a time.</summary>
[Alias("IPerCallEventGrain")]
public interface IPerCallEventGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task Create(EventDefinition definition, Venue venue);

    [Alias("Reserve")]
    Task<ReserveResult> Reserve(ReserveRequest request);
}
