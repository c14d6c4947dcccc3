using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Events;
using TicketMaster.Hosting;
using TicketMaster.Reservations;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>Step 1 of buying: hold seats for a few minutes.</summary>
public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var reserve = app.MapGroup("/api/v1/reserve").WithTags("Booking").RequireAuthorization();
        reserve.MapPost("", Reserve).WithName("Reserve").WithSummary("Hold chosen seats, or the best available in a section, for a few minutes.")
            .Produces<ReservationResponse>(StatusCodes.Status201Created).ProducesOutcomes(Outcomes.Reserve);
        reserve.MapDelete("/{reservationId}", Release).WithName("ReleaseReservation").WithSummary("Release a hold before it expires.")
            .Produces(StatusCodes.Status204NoContent).ProducesOutcomes(Outcomes.Release);
        app.MapGet("/api/v1/reservations", Mine).WithTags("Booking").RequireAuthorization().WithName("ListReservations")
            .WithSummary("The caller's active holds on every event, from any device.");
        return app;
    }

    public const string AdmissionHeader = "X-Admission-Token";

    public static async Task<IResult> Reserve(
        ReserveBody? body, [FromHeader(Name = AdmissionHeader)] string? admissionToken, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        var (request, field, error) = Parse(body, user.UserId());
        if (request is null) return Problem.Invalid(field!, error!);
        request = request with { AdmissionToken = admissionToken, Source = ClientAddress.RemoteKeyOf(http) };

        var result = await grains.GetGrain<IEventGrain>(body!.EventId!).Reserve(request);
        return result.Status == ReserveStatus.Held
            ? TypedResults.Created($"/api/v1/reserve/{result.Reservation!.ReservationId}", ReservationResponse.From(result.Reservation))
            : Outcomes.Reserve.Problem(result.Status, body.EventId!, result.Field, result.Error, result.Unavailable ?? [],
                result.OnSaleAt is { } onSaleAt ? new Dictionary<string, object?> { ["onSaleAt"] = onSaleAt } : null);
    }

    public static async Task<IResult> Release(
        string reservationId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var eventId = ReservationIds.EventIdOf(reservationId);
        if (eventId is null || !Ids.IsPlausible(reservationId)) return Outcomes.Release.Problem(HoldStatus.NotFound, reservationId);
        var result = await grains.GetGrain<IEventGrain>(eventId).Release(reservationId, user.UserId());
        return result.Status == HoldStatus.Ok ? TypedResults.NoContent() : Outcomes.Release.Problem(result.Status, reservationId);
    }

    public static async Task<Ok<ReservationListResponse>> Mine(ClaimsPrincipal user, IGrainFactory grains)
    {
        var userId = user.UserId();
        var events = await grains.GetGrain<IHoldIndexGrain>(HoldIndex.ShardOf(userId)).EventsOf(userId);
        var holds = await Task.WhenAll(events.Select(eventId => grains.GetGrain<IEventGrain>(eventId).HoldsOf(userId)));
        return TypedResults.Ok(new ReservationListResponse([.. holds.SelectMany(h => h).OrderBy(r => r.ExpiresAt).Select(ReservationResponse.From)]));
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
