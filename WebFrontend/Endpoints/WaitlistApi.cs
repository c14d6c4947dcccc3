using System.Security.Claims;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>A sold-out event's waitlist: seats that come back are held for the first fan waiting for that many.</summary>
public static class WaitlistApi
{
    public static IEndpointRouteBuilder MapWaitlistApi(this IEndpointRouteBuilder app)
    {
        var waitlist = app.MapGroup("/api/v1/events/{eventId}/waitlist").WithTags("Booking").RequireAuthorization();
        waitlist.MapPost("", Join).WithName("JoinWaitlist")
            .WithSummary("Wait for seats that come back; they are held in your name for Waitlist:OfferDuration and show in GET /reservations.")
            .Produces<WaitlistResponse>().ProducesOutcomes(Outcomes.Waitlist);
        waitlist.MapDelete("", Leave).WithName("LeaveWaitlist").WithSummary("Leave the waitlist.")
            .Produces(StatusCodes.Status204NoContent).ProducesOutcomes(Outcomes.Waitlist);
        return app;
    }

    public static async Task<IResult> Join(string eventId, WaitlistBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        if (body.Quantity is not { } quantity || quantity < 1 || quantity > ReserveRequest.MaxTickets)
            return Problem.Invalid("quantity", $"A quantity of 1 to {ReserveRequest.MaxTickets} is required.");
        if (body.SectionId is { } section && (section.Length is 0 or > 16 || !section.All(char.IsAsciiLetterOrDigit)))
            return Problem.Invalid("sectionId", "1 to 16 letters or digits.");
        if (!Ids.IsPlausible(eventId)) return Outcomes.Waitlist.Problem(WaitlistStatus.EventNotFound, eventId);

        var result = await grains.GetGrain<IEventGrain>(eventId).JoinWaitlist(user.UserId(), quantity, body.SectionId, user.Email());
        return result.Status == WaitlistStatus.Waiting
            ? TypedResults.Ok(new WaitlistResponse(result.Position))
            : Outcomes.Waitlist.Problem(result.Status, eventId, result.Field, result.Error);
    }

    public static async Task<IResult> Leave(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Ids.IsPlausible(eventId) || !await grains.GetGrain<IEventGrain>(eventId).LeaveWaitlist(user.UserId()))
            return Outcomes.Waitlist.Problem(WaitlistStatus.NotWaiting, eventId);
        return TypedResults.NoContent();
    }
}
