using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>The public, cacheable reads of one event: view and seat map.</summary>
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

    public static async Task<Results<Ok<ViewResponse>, StatusCodeHttpResult, ValidationProblem, NotFoundProblem>> View(
        [FromQuery(Name = "event_id")] string? eventId, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return Problem.Invalid("event_id", "The event id is required.");
        if (!Ids.IsPlausible(eventId)) return Problem.Invalid("event_id", "Not a valid event id.");
        var view = await grains.GetGrain<IEventGrain>(eventId).GetView();
        if (view is null) return Problem.NotFound($"No event '{eventId}'.");

        var response = ViewResponse.From(view);
        if (NotModified(http, JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions))) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<SeatsResponse>, StatusCodeHttpResult, ValidationProblem, NotFoundProblem>> Seats(
        string eventId, string? section, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        if (!Ids.IsPlausible(eventId)) return Problem.NotFound($"No event '{eventId}'.");
        if (section is not null && (section.Length is 0 or > 16 || !section.All(char.IsAsciiLetterOrDigit))) return Problem.Invalid("section", "1 to 16 letters or digits.");
        var map = await grains.GetGrain<IEventGrain>(eventId).GetSeats(section);
        if (map is null) return Problem.NotFound($"No event '{eventId}'.");

        var response = new SeatsResponse(map.EventId, map.Seats);
        if (NotModified(http, JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions))) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(response);
    }

    /// <summary>Sets ETag and a short Cache-Control; true when the client's copy is current.</summary>
    private static bool NotModified(HttpContext http, byte[] body)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
        http.Response.Headers.ETag = etag;
        // Availability moves with every sale: caches may serve a copy for a second, no longer.
        http.Response.Headers.CacheControl = "public, max-age=1";
        return http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));
    }
}
