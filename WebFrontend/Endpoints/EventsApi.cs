using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Problems;
using TicketMaster.WebFrontend.Reads;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// The public, cacheable reads of one event: view and seat map, answered from this frontend's
/// copies (<see cref="EventReadCache"/>): stale, and marked so, while the event's grain does not answer.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1").WithTags("Events");
        events.MapGet("/view", View).WithName("ViewEvent").WithSummary("An event with exact per-section availability.")
            .Produces(StatusCodes.Status304NotModified);
        events.MapGet("/events/{eventId}/seats", Seats).WithName("SeatMap").WithSummary("Every seat of the event's seated sections and its status.")
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }

    public static async Task<Results<CachedJson<ViewResponse>, ValidationProblem, NotFoundProblem>> View(
        [FromQuery(Name = "event_id")] string? eventId, EventReadCache reads, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return Problem.Invalid("event_id", "The event id is required.");
        if (!Ids.IsPlausible(eventId)) return Problem.Invalid("event_id", "Not a valid event id.");
        var answer = await reads.Read(eventId, "view", grain => grain.GetView(), ViewResponse.From, cancellationToken: cancellationToken);
        if (answer.Body is null) return Problem.NotFound($"No event '{eventId}'.");
        return new CachedJson<ViewResponse>(answer);
    }

    public static async Task<Results<CachedJson<SeatsResponse>, ValidationProblem, NotFoundProblem>> Seats(
        string eventId, string? section, EventReadCache reads, CancellationToken cancellationToken)
    {
        if (!Ids.IsPlausible(eventId)) return Problem.NotFound($"No event '{eventId}'.");
        if (section is not null && (section.Length is 0 or > 16 || !section.All(char.IsAsciiLetterOrDigit))) return Problem.Invalid("section", "1 to 16 letters or digits.");
        var answer = await reads.Read(eventId, section is null ? "seats" : $"seats:{section}", grain => grain.GetSeats(section),
            map => new SeatsResponse(map.EventId, map.Seats), cancellationToken: cancellationToken);
        if (answer.Body is null) return Problem.NotFound($"No event '{eventId}'.");
        return new CachedJson<SeatsResponse>(answer);
    }
}
