using Microsoft.Extensions.Logging;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Search;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Events;

public sealed partial class EventGrain
{
    private async Task<(Venue? Venue, List<Performer> Performers, EventCommandResult? Invalid)> Resolve(EventDefinition definition)
    {
        var venue = string.IsNullOrEmpty(definition.VenueId) ? null : await GrainFactory.GetGrain<IVenueGrain>(definition.VenueId).Get();
        if (venue is null) return (null, [], EventCommandResult.Invalid("venueId", $"Unknown venue '{definition.VenueId}'."));

        var performers = new List<Performer>();
        foreach (var performerId in (definition.PerformerIds ?? []).Distinct())
        {
            var performer = await GrainFactory.GetGrain<IPerformerGrain>(performerId).Get();
            if (performer is null) return (null, [], EventCommandResult.Invalid("performerIds", $"Unknown performer '{performerId}'."));
            performers.Add(performer);
        }
        return (venue, performers, EventDefinitionRules.Validate(definition, venue));
    }

    private EventView BuildView(SeatMap map)
    {
        var definition = State.Definition!;
        var sections = map.Sections
            .Select(s => new SectionView(s.SectionId, s.Definition.Name, s.Price, map.Currency, s.Capacity,
                map.Available(s.Index), map.Held(s.Index), map.Sold(s.Index), s.IsGeneralAdmission))
            .ToList();
        return new EventView(EventId, definition.Name, definition.Description, definition.Category, definition.StartsAt,
            State.Performers, State.Venue!, State.QueueActive, sections, State.Version, State.Cancelled, definition.OnSaleAt);
    }

    private SearchDocument BuildSearchDocument(SearchSnapshot durable)
    {
        var definition = durable.Definition;
        var venue = durable.Venue;
        return new SearchDocument(
            EventId, durable.DocumentVersion, definition.Name, definition.Description, definition.Category,
            definition.StartsAt, durable.Performers.Select(p => p.Name).ToList(), venue.VenueId, venue.Name, venue.City,
            definition.Prices.Min(p => p.Price), definition.Prices[0].Currency, durable.Availability,
            durable.Performers.Select(p => p.PerformerId).ToList());
    }

    /// <summary>
    /// Outbox style: the version is already durable, so a failed append is retried by the sweep
    /// timer and search converges even if this call is lost. The owner's list is told the same way.
    /// </summary>
    private async Task PublishSearchDocument()
    {
        if (_durableSearch is not { } durable) return;
        try
        {
            await GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.Of(EventId)).Append(BuildSearchDocument(durable));
            var definition = durable.Definition;
            await CatalogIndex.Publish(GrainFactory, new EventEntry(EventId, definition.Name, State.Owner, definition.StartsAt, definition.OnSaleAt,
                definition.VenueId, definition.Category, durable.Availability == Availability.Cancelled));
            _searchBehind = false;
        }
        catch (Exception e)
        {
            _searchBehind = true;
            LogPublishFailed(logger, e, EventId);
        }
    }

    /// <summary>The room stops admitting into a sold-out event; a failure here only delays that.</summary>
    private async Task TellWaitingRoom(bool soldOut)
    {
        try
        {
            await GrainFactory.GetGrain<IWaitingRoomGrain>(EventId).SetSoldOut(soldOut);
        }
        catch (Exception e)
        {
            LogRoomNotTold(logger, e, EventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: the waiting room was not told of a sell-out")]
    private static partial void LogRoomNotTold(ILogger logger, Exception exception, string eventId);

}
