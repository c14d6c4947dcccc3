using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// A stadium's seat map, read by section and by change: an overview of sections, then one
/// section's seats in one character each, then only what changed since the version the client has.
/// </summary>
public static class SectionsApi
{
    public static IEndpointRouteBuilder MapSectionsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/events/{eventId}").WithTags("Events");
        events.MapGet("/sections", Sections).WithName("SectionOverview")
            .WithSummary("Every section of the event with its place, size, price and exact counts.")
            .Produces(StatusCodes.Status304NotModified);
        events.MapGet("/sections/{sectionId}/seats", SectionSeats).WithName("SectionSeats")
            .WithSummary("One section's seats, one character each (0 free, 1 held, 2 sold), or only those changed since a version.")
            .Produces<SectionSeatsResponse>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem()
            .ProducesOutcomes(Outcomes.SectionSeats);
        return app;
    }

    public static async Task<Results<Ok<SectionsResponse>, StatusCodeHttpResult, NotFoundProblem>> Sections(
        string eventId, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        if (!Ids.IsPlausible(eventId)) return Problem.NotFound($"No event '{eventId}'.");
        var view = await grains.GetGrain<IEventGrain>(eventId).GetView();
        if (view is null) return Problem.NotFound($"No event '{eventId}'.");

        var response = SectionsResponse.From(view);
        var body = JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions);
        if (NotModified(http, $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"")) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(response);
    }

    /// <param name="since">The version of the copy the client has (from an earlier answer's <c>version</c>).</param>
    /// <param name="epoch">The <c>epoch</c> of that answer: a copy from another epoch gets the whole section.</param>
    public static async Task<IResult> SectionSeats(
        string eventId, string sectionId, string? since, string? epoch, HttpContext http, IGrainFactory grains)
    {
        if (!Ids.IsPlausible(eventId)) return Outcomes.SectionSeats.Problem(SectionSeatsStatus.EventNotFound, eventId);
        if (sectionId.Length is 0 or > 16 || !sectionId.All(char.IsAsciiLetterOrDigit)) return Problem.Invalid("sectionId", "1 to 16 letters or digits.");
        if (!TryVersion(since, out var sinceVersion)) return Problem.Invalid("since", "A version from an earlier answer: a whole number, 0 or more.");
        if (!TryVersion(epoch, out var epochValue)) return Problem.Invalid("epoch", "The epoch from an earlier answer: a whole number, 0 or more.");

        var result = await grains.GetGrain<IEventGrain>(eventId).GetSectionSeats(sectionId, sinceVersion, epochValue);
        if (result.Seats is not { } seats)
        {
            return Outcomes.SectionSeats.Problem(result.Status, result.Status == SectionSeatsStatus.SectionNotFound ? sectionId : eventId);
        }
        // Weak: a delta and the whole section are different bytes of the same section state. The
        // section's last change (and its counts, which a standing section changes without seats)
        // name that state, so a sale in another section leaves this ETag alone.
        var etag = string.Create(CultureInfo.InvariantCulture, $"W/\"{seats.Epoch}-{seats.SectionVersion}-{seats.Held}-{seats.Sold}\"");
        if (NotModified(http, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(SectionSeatsResponse.From(seats));
    }

    private static bool TryVersion(string? text, out long? version)
    {
        version = null;
        if (text is null) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        version = parsed;
        return true;
    }

    /// <summary>Sets ETag and a short Cache-Control; true when the client's copy is current.</summary>
    private static bool NotModified(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        // Seats move with every sale: caches may serve a copy for a second, no longer.
        http.Response.Headers.CacheControl = "public, max-age=1";
        return http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));
    }
}
