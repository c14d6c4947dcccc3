using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Accounts;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.Hosting.Tickets;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>Step 2 of buying (pay and confirm), and the caller's bookings.</summary>
public static class BookingsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Booking").RequireAuthorization();
        api.MapPost("/book", Book).WithName("Book").WithSummary("Pay for a reservation and get tickets; idempotent by the Idempotency-Key header.")
            .Produces<BookingResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesOutcomes(Outcomes.Book);
        api.MapGet("/bookings", List).WithName("ListBookings").WithSummary("The caller's bookings.");
        api.MapGet("/bookings/{bookingId}", Get).WithName("GetBooking").WithSummary("One of the caller's bookings.")
            .Produces<BookingResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bookings/{bookingId}/tickets/{ticketId}/qr.svg", TicketQrCode).WithName("TicketQrCode")
            .WithSummary("A ticket's code as an SVG QR code; only for the booking's owner (404 otherwise).")
            .Produces(StatusCodes.Status200OK, contentType: TicketQr.ContentType);
        api.MapPost("/bookings/{bookingId}/cancel", Cancel).WithName("CancelBooking").WithSummary("Cancel and refund; the seats return to sale.")
            .Produces<BookingResponse>().ProducesOutcomes(Outcomes.Booking);
        api.MapPost("/bookings/{bookingId}/transfer", Transfer).WithName("TransferTickets")
            .WithSummary("Move tickets to another fan's account by email, before the event starts: they get new codes, the old ones are void.")
            .Produces<BookingResponse>().ProducesOutcomes(Outcomes.Transfer);
        return app;
    }

    public static async Task<IResult> Book(
        BookBody? body, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 255) return Problem.Invalid(IdempotencyHeader, "A header Idempotency-Key of 1 to 255 characters is required.");
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        if (string.IsNullOrWhiteSpace(body.ReservationId)) return Problem.Invalid("reservationId", "The reservation id is required.");
        if (string.IsNullOrWhiteSpace(body.Payment?.Token) || body.Payment.Token.Length > 200) return Problem.Invalid("payment.token", "A payment token is required.");
        if (ReservationIds.EventIdOf(body.ReservationId) is null || !Ids.IsPlausible(body.ReservationId)) return Outcomes.Book.Problem(BookStatus.ReservationNotFound, body.ReservationId);

        var userId = user.UserId();
        var result = await grains.GetGrain<IBookingGrain>(BookingIds.For(userId, idempotencyKey))
            .Book(new BookCommand(userId, body.ReservationId, body.Payment.Token, user.Email()));
        if (result.Status == BookStatus.Confirmed) return TypedResults.Created($"/api/v1/bookings/{result.Booking!.BookingId}", BookingResponse.From(result.Booking));
        return Outcomes.Book.Problem(result.Status, result.Status == BookStatus.PaymentDeclined ? result.DeclineReason ?? "no reason given" : body.ReservationId);
    }

    public static async Task<Ok<List<BookingResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var userId = user.UserId();
        var bookings = await grains.GetGrain<IBookingShardGrain>(BookingIds.ShardOfUser(userId)).ListOf(userId);
        return TypedResults.Ok(bookings.Select(BookingResponse.From).ToList());
    }

    public static async Task<IResult> Get(
        string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Ids.IsPlausible(bookingId) || await grains.GetGrain<IBookingGrain>(bookingId).Get() is not { } booking) return Outcomes.Booking.Problem(CancelStatus.NotFound, bookingId);
        if (booking.UserId != user.UserId()) return Outcomes.Booking.Problem(CancelStatus.Forbidden, bookingId);
        return TypedResults.Ok(BookingResponse.From(booking));
    }

    public static async Task<Results<ContentHttpResult, NotFoundProblem>> TicketQrCode(
        string bookingId, string ticketId, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        // Someone else's booking is "not found" too: the answer must not tell which booking ids exist.
        if (!Ids.IsPlausible(bookingId) || await grains.GetGrain<IBookingGrain>(bookingId).Get() is not { } booking || booking.UserId != user.UserId())
            return Problem.NotFound($"No booking '{bookingId}'.");
        if (booking.Tickets.FirstOrDefault(t => t.TicketId == ticketId) is not { } ticket)
            return Problem.NotFound($"No ticket '{ticketId}' in booking '{bookingId}'.");
        // The code is the entry pass: private to its owner, never stored by shared caches.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(TicketQr.Svg(ticket.Code), TicketQr.ContentType);
    }

    public static async Task<IResult> Transfer(
        string bookingId, TransferBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        var email = EmailAddress.Canonical(body.ToEmail);
        if (!EmailAddress.IsValid(email)) return Problem.Invalid("toEmail", "The receiver's email address is required.");
        if (body.TicketIds is not { Count: > 0 } ticketIds) return Problem.Invalid("ticketIds", "Name at least one ticket.");
        if (ticketIds.Count > ReserveRequest.MaxTickets) return Problem.Invalid("ticketIds", $"At most {ReserveRequest.MaxTickets} tickets at once.");
        if (ticketIds.Any(t => !Ids.IsPlausible(t))) return Problem.Invalid("ticketIds", "Ticket ids look like the ticketId of a booking's tickets.");
        if (ticketIds.Distinct(StringComparer.Ordinal).Count() != ticketIds.Count) return Problem.Invalid("ticketIds", "A ticket is listed twice.");
        if (!Ids.IsPlausible(bookingId)) return Outcomes.Transfer.Problem(TransferStatus.NotFound, bookingId);

        // Unknown and made-up emails get one answer: it tells only that no account has it.
        if (await grains.GetGrain<IAccountGrain>(EmailAddress.Normalize(email)).UserIdOf() is not { } receiver)
            return Outcomes.Transfer.Problem(TransferStatus.ReceiverNotFound, email);
        var userId = user.UserId();
        if (receiver == userId) return Problem.Invalid("toEmail", "The tickets are yours already.");

        var result = await grains.GetGrain<IBookingGrain>(bookingId).Transfer(userId, receiver, [.. ticketIds.Select(t => t!)], email);
        return result.Status == TransferStatus.Transferred
            ? TypedResults.Ok(BookingResponse.From(result.Booking!))
            : Outcomes.Transfer.Problem(result.Status, bookingId, result.Status == TransferStatus.Invalid ? "ticketIds" : null, result.Error);
    }

    public static async Task<IResult> Cancel(
        string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Ids.IsPlausible(bookingId)) return Outcomes.Booking.Problem(CancelStatus.NotFound, bookingId);
        var result = await grains.GetGrain<IBookingGrain>(bookingId).Cancel(user.UserId());
        return result.Status == CancelStatus.Cancelled ? TypedResults.Ok(BookingResponse.From(result.Booking!)) : Outcomes.Booking.Problem(result.Status, bookingId);
    }
}
