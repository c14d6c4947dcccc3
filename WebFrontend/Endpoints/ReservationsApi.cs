using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>Step 1 of buying: hold seats for a few minutes.</summary>
public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var reserve = app.MapGroup("/api/v1/reserve").WithTags("Booking").RequireAuthorization();
        reserve.MapPost("", Reserve).WithName("Reserve").WithSummary("Hold chosen seats, or the best available in a section, for a few minutes.");
        reserve.MapDelete("/{reservationId}", Release).WithName("ReleaseReservation").WithSummary("Release a hold before it expires.");
        return app;
    }

    public const string AdmissionHeader = "X-Admission-Token";

    public static async Task<Results<Created<ReservationResponse>, ValidationProblem, NotFoundProblem, ConflictProblem, ProblemHttpResult>> Reserve(
        ReserveBody? body, [FromHeader(Name = AdmissionHeader)] string? admissionToken, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, field, error) = Parse(body, user.UserId());
        if (request is null) return Problem.Invalid(field!, error!);
        request = request with { AdmissionToken = admissionToken };

        var result = await grains.GetGrain<IEventGrain>(body!.EventId!).Reserve(request);
        return result.Status switch
        {
            ReserveStatus.Held => TypedResults.Created($"/api/v1/reserve/{result.Reservation!.ReservationId}", ReservationResponse.From(result.Reservation)),
            ReserveStatus.Invalid => Problem.Invalid(result.Field!, result.Error!),
            ReserveStatus.EventNotFound => Problem.NotFound($"No event '{body.EventId}'."),
            ReserveStatus.SalesClosed => Problem.Conflict(result.Error!, []),
            ReserveStatus.AdmissionRequired => Problem.Status(StatusCodes.Status428PreconditionRequired, "Admission token required.", result.Error!),
            ReserveStatus.TicketLimit => Problem.Conflict(result.Error!, []),
            _ => Problem.Conflict("Some seats are held or sold.", result.Unavailable),
        };
    }

    public static async Task<Results<NoContent, NotFoundProblem, ProblemHttpResult, ConflictProblem>> Release(
        string reservationId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var eventId = ReservationIds.EventIdOf(reservationId);
        if (eventId is null || !Ids.IsPlausible(reservationId)) return Problem.NotFound($"No reservation '{reservationId}'.");
        var result = await grains.GetGrain<IEventGrain>(eventId).Release(reservationId, user.UserId());
        return result.Status switch
        {
            HoldStatus.Ok => TypedResults.NoContent(),
            HoldStatus.Forbidden => Problem.Status(StatusCodes.Status403Forbidden, "Forbidden.", "The reservation belongs to another user."),
            HoldStatus.Conflict => Problem.Conflict("The reservation is being paid for or was bought; cancel the booking instead."),
            _ => Problem.NotFound($"No reservation '{reservationId}' (it may have expired)."),
        };
    }

    private static (ReserveRequest? Request, string? Field, string? Error) Parse(ReserveBody? body, string userId)
    {
        if (body is null) return (null, "body", "A JSON body is required.");
        if (string.IsNullOrWhiteSpace(body.EventId)) return (null, "eventId", "The event id is required.");
        if (!Ids.IsPlausible(body.EventId)) return (null, "eventId", "Not a valid event id.");
        if (body.Seats is not null)
        {
            if (body.SectionId is not null || body.Quantity is not null) return (null, "seats", "Give seats, or sectionId and quantity, not both.");
            if (body.Seats.Count == 0) return (null, "seats", "Choose at least one seat.");
            if (body.Seats.Count > ReserveRequest.MaxTickets) return (null, "seats", $"At most {ReserveRequest.MaxTickets} seats per reservation.");
            if (body.Seats.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 50)) return (null, "seats", "Seat ids look like A-1-7.");
            if (body.Seats.Distinct(StringComparer.Ordinal).Count() != body.Seats.Count) return (null, "seats", "A seat is listed twice.");
            return (ReserveRequest.ChosenSeats(userId, body.Seats.Select(s => s!).ToList()), null, null);
        }
        if (string.IsNullOrWhiteSpace(body.SectionId)) return (null, "sectionId", "Give seats, or sectionId and quantity.");
        if (body.Quantity is not { } quantity || quantity < 1) return (null, "quantity", "A quantity of at least 1 is required.");
        if (quantity > ReserveRequest.MaxTickets) return (null, "quantity", $"At most {ReserveRequest.MaxTickets} tickets per reservation.");
        return (ReserveRequest.BestAvailable(userId, body.SectionId, quantity), null, null);
    }
}
