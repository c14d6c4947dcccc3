using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// Catalog administration (role organiser on what they created, or admin on everything) and the
/// catalog reads the pages need. Who owns what is asked through <see cref="CatalogAccess"/> only.
/// </summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1").WithTags("Catalog").RequireAuthorization(AuthenticationSetup.CatalogPolicy);
        admin.MapPost("/venues", CreateVenue).WithName("CreateVenue").WithSummary("Create a venue and its sections.");
        admin.MapPost("/performers", CreatePerformer).WithName("CreatePerformer").WithSummary("Create a performer.");
        admin.MapPost("/events", CreateEvent).WithName("CreateEvent").WithSummary("Create an event at a venue, with a price per section.")
            .Produces<EventCreated>(StatusCodes.Status201Created).ProducesOutcomes(Outcomes.EventCommand).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPut("/events/{eventId}", UpdateEvent).WithName("UpdateEvent").WithSummary("Replace an event; its sections and prices are frozen once a seat is held or sold.")
            .Produces<EventCreated>().ProducesOutcomes(Outcomes.EventCommand).OwnedBy<IEventGrain>("eventId", "event");
        admin.MapPost("/events/{eventId}/cancel", CancelEvent).WithName("CancelEvent")
            .WithSummary("Cancel an event: sales stop and every booking is refunded. Repeat it to follow the refunds or push on ones that failed.")
            .Produces<EventCancellation>().ProducesOutcomes(Outcomes.EventCancel).OwnedBy<IEventGrain>("eventId", "event");

        var reads = app.MapGroup("/api/v1").WithTags("Catalog");
        reads.MapGet("/venues/{venueId}", GetVenue).WithName("GetVenue").WithSummary("A venue.");
        reads.MapGet("/performers/{performerId}", GetPerformer).WithName("GetPerformer").WithSummary("A performer.");
        return app;
    }

    public static async Task<Results<Created<VenueCreated>, ValidationProblem>> CreateVenue(VenueRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (venue, field, error) = CatalogValidation.ToVenue(NewId("ven"), body);
        if (venue is null) return Problem.Invalid(field!, error!);
        await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue, user.UserId());
        return TypedResults.Created($"/api/v1/venues/{venue.VenueId}", new VenueCreated(venue.VenueId));
    }

    public static async Task<Results<Created<PerformerCreated>, ValidationProblem>> CreatePerformer(PerformerRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (performer, field, error) = CatalogValidation.ToPerformer(NewId("prf"), body);
        if (performer is null) return Problem.Invalid(field!, error!);
        await grains.GetGrain<IPerformerGrain>(performer.PerformerId).Save(performer, user.UserId());
        return TypedResults.Created($"/api/v1/performers/{performer.PerformerId}", new PerformerCreated(performer.PerformerId));
    }

    public static async Task<IResult> CreateEvent(EventRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (definition, field, error) = CatalogValidation.ToDefinition(body);
        if (definition is null) return Problem.Invalid(field!, error!);
        if (await UsesOnlyOwn(definition, user, grains) is { } denied) return denied;
        var eventId = NewId("evt");
        var result = await grains.GetGrain<IEventGrain>(eventId).Create(definition, user.UserId());
        return result.Status == EventCommandStatus.Ok
            ? TypedResults.Created($"/api/v1/view?event_id={eventId}", new EventCreated(eventId))
            : Outcomes.EventCommand.Problem(result.Status, eventId, result.Field, result.Error);
    }

    public static async Task<IResult> UpdateEvent(
        string eventId, EventRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (definition, field, error) = CatalogValidation.ToDefinition(body);
        if (definition is null) return Problem.Invalid(field!, error!);
        if (await UsesOnlyOwn(definition, user, grains) is { } denied) return denied;
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

    /// <summary>An organiser's event takes place at their own venue with their own performers.</summary>
    private static async Task<IResult?> UsesOnlyOwn(EventDefinition definition, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await CatalogAccess.Check<IVenueGrain>(grains, user, definition.VenueId, "venue", "venueId") is { } denied) return denied;
        foreach (var performerId in definition.PerformerIds.Distinct())
        {
            if (await CatalogAccess.Check<IPerformerGrain>(grains, user, performerId, "performer", "performerIds") is { } refused) return refused;
        }
        return null;
    }

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
