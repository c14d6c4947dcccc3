using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>Catalog administration (role admin) and the catalog reads the pages need.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1").WithTags("Catalog").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        admin.MapPost("/venues", CreateVenue).WithName("CreateVenue").WithSummary("Create a venue and its sections.");
        admin.MapPost("/performers", CreatePerformer).WithName("CreatePerformer").WithSummary("Create a performer.");
        admin.MapPost("/events", CreateEvent).WithName("CreateEvent").WithSummary("Create an event at a venue, with a price per section.")
            .Produces<EventCreated>(StatusCodes.Status201Created).ProducesOutcomes(Outcomes.EventCommand);
        admin.MapPut("/events/{eventId}", UpdateEvent).WithName("UpdateEvent").WithSummary("Replace an event; its sections and prices are frozen once a seat is held or sold.")
            .Produces<EventCreated>().ProducesOutcomes(Outcomes.EventCommand);
        admin.MapPost("/events/{eventId}/cancel", CancelEvent).WithName("CancelEvent")
            .WithSummary("Cancel an event: sales stop and every booking is refunded. Repeat it to follow the refunds or push on ones that failed.")
            .Produces<EventCancellation>().ProducesOutcomes(Outcomes.EventCancel);

        var reads = app.MapGroup("/api/v1").WithTags("Catalog");
        reads.MapGet("/venues/{venueId}", GetVenue).WithName("GetVenue").WithSummary("A venue.");
        reads.MapGet("/performers/{performerId}", GetPerformer).WithName("GetPerformer").WithSummary("A performer.");
        return app;
    }

    public static async Task<Results<Created<VenueCreated>, ValidationProblem>> CreateVenue(VenueRequest? body, IGrainFactory grains)
    {
        var (venue, field, error) = CatalogValidation.ToVenue(NewId("ven"), body);
        if (venue is null) return Problem.Invalid(field!, error!);
        await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);
        return TypedResults.Created($"/api/v1/venues/{venue.VenueId}", new VenueCreated(venue.VenueId));
    }

    public static async Task<Results<Created<PerformerCreated>, ValidationProblem>> CreatePerformer(PerformerRequest? body, IGrainFactory grains)
    {
        var (performer, field, error) = CatalogValidation.ToPerformer(NewId("prf"), body);
        if (performer is null) return Problem.Invalid(field!, error!);
        await grains.GetGrain<IPerformerGrain>(performer.PerformerId).Save(performer);
        return TypedResults.Created($"/api/v1/performers/{performer.PerformerId}", new PerformerCreated(performer.PerformerId));
    }

    public static async Task<IResult> CreateEvent(EventRequest? body, IGrainFactory grains)
    {
        var (definition, field, error) = CatalogValidation.ToDefinition(body);
        if (definition is null) return Problem.Invalid(field!, error!);
        var eventId = NewId("evt");
        var result = await grains.GetGrain<IEventGrain>(eventId).Create(definition);
        return result.Status == EventCommandStatus.Ok
            ? TypedResults.Created($"/api/v1/view?event_id={eventId}", new EventCreated(eventId))
            : Outcomes.EventCommand.Problem(result.Status, eventId, result.Field, result.Error);
    }

    public static async Task<IResult> UpdateEvent(
        string eventId, EventRequest? body, IGrainFactory grains)
    {
        var (definition, field, error) = CatalogValidation.ToDefinition(body);
        if (definition is null) return Problem.Invalid(field!, error!);
        if (!Ids.IsPlausible(eventId)) return Outcomes.EventCommand.Problem(EventCommandStatus.NotFound, eventId);
        var result = await grains.GetGrain<IEventGrain>(eventId).Update(definition);
        return result.Status == EventCommandStatus.Ok
            ? TypedResults.Ok(new EventCreated(eventId))
            : Outcomes.EventCommand.Problem(result.Status, eventId, result.Field, result.Error);
    }

    public static async Task<IResult> CancelEvent(string eventId, IGrainFactory grains)
    {
        if (!Ids.IsPlausible(eventId)) return Outcomes.EventCancel.Problem(CancelEventStatus.NotFound, eventId);
        var result = await grains.GetGrain<IEventGrain>(eventId).Cancel();
        return result.Status == CancelEventStatus.Cancelled
            ? TypedResults.Ok(EventCancellation.From(eventId, result))
            : Outcomes.EventCancel.Problem(result.Status, eventId);
    }

    public static async Task<Results<Ok<VenueResponse>, NotFoundProblem>> GetVenue(string venueId, IGrainFactory grains) =>
        Ids.IsPlausible(venueId) && await grains.GetGrain<IVenueGrain>(venueId).Get() is { } venue
            ? TypedResults.Ok(VenueResponse.From(venue))
            : Problem.NotFound($"No venue '{venueId}'.");

    public static async Task<Results<Ok<Performer>, NotFoundProblem>> GetPerformer(string performerId, IGrainFactory grains) =>
        Ids.IsPlausible(performerId) && await grains.GetGrain<IPerformerGrain>(performerId).Get() is { } performer
            ? TypedResults.Ok(performer)
            : Problem.NotFound($"No performer '{performerId}'.");

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
