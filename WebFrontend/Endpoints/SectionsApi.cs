using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Problems;
using TicketMaster.WebFrontend.Reads;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// A stadium's seat map, read by section and by change: an overview of sections, then one
/// section's seats in one character each, then only what changed since the version the client has;
/// all answered from this frontend's copies (<see cref="EventReadCache"/>), stale and marked so while
/// the event's grain does not answer.
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

    public static async Task<Results<CachedJson<SectionsResponse>, NotFoundProblem>> Sections(
        string eventId, EventReadCache reads, CancellationToken cancellationToken)
    {
        if (!Ids.IsPlausible(eventId)) return Problem.NotFound($"No event '{eventId}'.");
        var answer = await reads.Read(eventId, "sections", grain => grain.GetView(), SectionsResponse.From, cancellationToken: cancellationToken);
        if (answer.Body is null) return Problem.NotFound($"No event '{eventId}'.");
        return new CachedJson<SectionsResponse>(answer);
    }

    /// <param name="since">The version of the copy the client has (from an earlier answer's <c>version</c>).</param>
    /// <param name="epoch">The <c>epoch</c> of that answer: a copy from another epoch gets the whole section.</param>
    public static async Task<IResult> SectionSeats(
        string eventId, string sectionId, string? since, string? epoch, EventReadCache reads, CancellationToken cancellationToken)
    {
        if (!Ids.IsPlausible(eventId)) return Outcomes.SectionSeats.Problem(SectionSeatsStatus.EventNotFound, eventId);
        if (sectionId.Length is 0 or > 16 || !sectionId.All(char.IsAsciiLetterOrDigit)) return Problem.Invalid("sectionId", "1 to 16 letters or digits.");
        if (!TryVersion(since, out var sinceVersion)) return Problem.Invalid("since", "A version from an earlier answer: a whole number, 0 or more.");
        if (!TryVersion(epoch, out var epochValue)) return Problem.Invalid("epoch", "The epoch from an earlier answer: a whole number, 0 or more.");

        // Pollers ask since the versions this frontend answered lately, so the changes since each are
        // shared by everyone who has that copy; the cache keeps a few such variants a section.
        var what = sinceVersion is null ? $"section:{sectionId}" : $"section:{sectionId}@{sinceVersion}:{epochValue}";
        var answer = await reads.Read(eventId, what, async grain =>
            {
                var result = await grain.GetSectionSeats(sectionId, sinceVersion, epochValue);
                return result.Status == SectionSeatsStatus.EventNotFound ? null : result;
            },
            result => result.Seats is { } seats ? SectionSeatsResponse.From(seats) : null,
            result => Tag(result.Seats!), cancellationToken);
        if (answer.Body is null)
        {
            return answer.EventFound
                ? Outcomes.SectionSeats.Problem(SectionSeatsStatus.SectionNotFound, sectionId)
                : Outcomes.SectionSeats.Problem(SectionSeatsStatus.EventNotFound, eventId);
        }
        return new CachedJson<SectionSeatsResponse>(answer);
    }

    /// <summary>
    /// Weak: a delta and the whole section are different bytes of the same section state. The
    /// section's last change (and its counts, which a standing section changes without seats) name
    /// that state, so a sale in another section leaves this tag alone.
    /// </summary>
    private static string Tag(SectionSeats seats) =>
        string.Create(CultureInfo.InvariantCulture, $"W/\"{seats.Epoch}-{seats.SectionVersion}-{seats.Held}-{seats.Sold}\"");

    private static bool TryVersion(string? text, out long? version)
    {
        version = null;
        if (text is null) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        version = parsed;
        return true;
    }
}
