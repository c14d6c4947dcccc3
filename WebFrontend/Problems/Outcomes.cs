using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.WaitingRoom;

namespace TicketMaster.WebFrontend.Problems;

/// <summary>
/// The one mapping from domain outcomes to HTTP status, title and wording. Grains answer with
/// statuses and data; what a client reads is written here, once. Endpoints also take the statuses
/// they document in OpenAPI from these maps.
/// </summary>
public static class Outcomes
{
    private const string NotFoundTitle = "Not found.";
    private const string ConflictTitle = "Conflict.";

    private static readonly Outcome Invalid = new(StatusCodes.Status400BadRequest, "The request is not valid.");

    private static Outcome NotFound(string what) => new(StatusCodes.Status404NotFound, NotFoundTitle, $"No {what} '{{0}}'.");

    private static Outcome NotYours(string what) => new(StatusCodes.Status403Forbidden, "Forbidden.", $"The {what} '{{0}}' belongs to another user.");

    private static Outcome Conflict(string? detail = null) => new(StatusCodes.Status409Conflict, ConflictTitle, detail);

    /// <summary>A reserve; the subject is the event id.</summary>
    public static readonly OutcomeMap<ReserveStatus> Reserve = new()
    {
        [ReserveStatus.Invalid] = Invalid,
        [ReserveStatus.EventNotFound] = NotFound("event"),
        [ReserveStatus.Unavailable] = Conflict("Some seats are held or sold."),
        [ReserveStatus.SalesClosed] = Conflict("Event '{0}' has already started; nothing is on sale."),
        [ReserveStatus.EventCancelled] = Conflict("Event '{0}' is cancelled; nothing is on sale."),
        [ReserveStatus.TicketLimit] = Conflict(),
        [ReserveStatus.AddressLimit] = Conflict(),
        [ReserveStatus.NotOnSaleYet] = Conflict("Event '{0}' is not on sale yet; onSaleAt says when it is."),
        [ReserveStatus.HoldLimit] = Conflict("The waiting room of event '{0}' is on: an admission token admits one active hold at a time (book or release the one you have)."),
        [ReserveStatus.AdmissionRequired] = new(StatusCodes.Status428PreconditionRequired, "Admission token required.",
            "The waiting room is active: join the queue and reserve with its admission token."),
    };

    /// <summary>A release of a hold; the subject is the reservation id.</summary>
    public static readonly OutcomeMap<HoldStatus> Release = new()
    {
        [HoldStatus.NotFound] = new(StatusCodes.Status404NotFound, NotFoundTitle, "No reservation '{0}' (it may have expired)."),
        [HoldStatus.Gone] = new(StatusCodes.Status404NotFound, NotFoundTitle, "No reservation '{0}' (it may have expired)."),
        [HoldStatus.Forbidden] = NotYours("reservation"),
        [HoldStatus.Conflict] = Conflict("Reservation '{0}' is being paid for or was bought; cancel the booking instead."),
    };

    /// <summary>A booking (pay and confirm); the subject is the reservation id, or the gateway's reason when declined.</summary>
    public static readonly OutcomeMap<BookStatus> Book = new()
    {
        [BookStatus.ReservationNotFound] = NotFound("reservation"),
        [BookStatus.Forbidden] = NotYours("reservation"),
        [BookStatus.ReservationGone] = new(StatusCodes.Status410Gone, "Reservation expired.",
            "Reservation '{0}' is no longer held (it expired or was released); anything charged for it was refunded."),
        [BookStatus.ReservationInUse] = Conflict("Another booking is already paying for reservation '{0}'."),
        [BookStatus.KeyReused] = Conflict("This Idempotency-Key was used for another reservation."),
        [BookStatus.PaymentDeclined] = new(StatusCodes.Status402PaymentRequired, "Payment declined.", "The payment was declined ({0})."),
        [BookStatus.PaymentTimedOut] = new(StatusCodes.Status504GatewayTimeout, "Payment timed out.",
            "The payment gateway did not answer in time; nothing was charged. Retry with the same Idempotency-Key."),
    };

    /// <summary>Reading or cancelling one booking; the subject is the booking id.</summary>
    public static readonly OutcomeMap<CancelStatus> Booking = new()
    {
        [CancelStatus.NotFound] = NotFound("booking"),
        [CancelStatus.Forbidden] = NotYours("booking"),
        [CancelStatus.TooLate] = Conflict("The event of booking '{0}' has started; its bookings can no longer be cancelled or refunded."),
        [CancelStatus.TicketsUsed] = Conflict("Tickets of booking '{0}' were transferred or admitted (or it holds tickets received from another fan); it can no longer be cancelled."),
    };

    /// <summary>Moving tickets to another fan; the subject is the booking id, or the receiver's email when no account has it.</summary>
    public static readonly OutcomeMap<TransferStatus> Transfer = new()
    {
        [TransferStatus.Invalid] = Invalid,
        [TransferStatus.NotFound] = NotFound("booking"),
        [TransferStatus.Forbidden] = NotYours("booking"),
        [TransferStatus.ReceiverNotFound] = new(StatusCodes.Status404NotFound, NotFoundTitle, "No account with the email '{0}'."),
        [TransferStatus.Started] = Conflict("The event of booking '{0}' has started; its tickets can no longer move."),
        [TransferStatus.Scanned] = Conflict("A ticket of booking '{0}' was admitted at the door; it can no longer move."),
        [TransferStatus.Moved] = Conflict("A ticket of booking '{0}' was moved to another fan already."),
        [TransferStatus.Cancelled] = Conflict("Booking '{0}' was cancelled; its tickets no longer admit."),
    };

    /// <summary>Joining or leaving an event's waitlist; the subject is the event id.</summary>
    public static readonly OutcomeMap<WaitlistStatus> Waitlist = new()
    {
        [WaitlistStatus.Invalid] = Invalid,
        [WaitlistStatus.EventNotFound] = NotFound("event"),
        [WaitlistStatus.NotWaiting] = new(StatusCodes.Status404NotFound, NotFoundTitle, "You are not on the waitlist of event '{0}'."),
        [WaitlistStatus.SalesClosed] = Conflict("Event '{0}' has already started; nothing is on sale."),
        [WaitlistStatus.EventCancelled] = Conflict("Event '{0}' is cancelled; nothing is on sale."),
        [WaitlistStatus.SeatsAvailable] = Conflict("Event '{0}' has that many seats on sale: reserve them instead."),
        [WaitlistStatus.TicketLimit] = Conflict(),
    };

    /// <summary>A ticket's code at the door; the subject is the code. Every answer carries <c>result</c>, as the scanner reads it.</summary>
    public static readonly OutcomeMap<ScanStatus> Scan = new()
    {
        [ScanStatus.AlreadyScanned] = Conflict("This ticket was admitted already."),
        [ScanStatus.Void] = new(StatusCodes.Status410Gone, "Void.", "This code no longer admits: its ticket was transferred, refunded or cancelled."),
        [ScanStatus.UnknownCode] = new(StatusCodes.Status404NotFound, NotFoundTitle, "No ticket of this event has the code '{0}'."),
    };

    /// <summary>Creating or changing an event; the subject is the event id.</summary>
    public static readonly OutcomeMap<EventCommandStatus> EventCommand = new()
    {
        [EventCommandStatus.Invalid] = Invalid,
        [EventCommandStatus.NotFound] = NotFound("event"),
        [EventCommandStatus.Conflict] = Conflict(),
    };

    /// <summary>An organiser cancelling an event; the subject is the event id.</summary>
    public static readonly OutcomeMap<CancelEventStatus> EventCancel = new()
    {
        [CancelEventStatus.NotFound] = NotFound("event"),
        [CancelEventStatus.Started] = Conflict("Event '{0}' has started; it can no longer be cancelled."),
    };

    /// <summary>Reading one section's seats; the subject is the event id, or the section id when only the section is unknown.</summary>
    public static readonly OutcomeMap<SectionSeatsStatus> SectionSeats = new()
    {
        [SectionSeatsStatus.EventNotFound] = NotFound("event"),
        [SectionSeatsStatus.SectionNotFound] = NotFound("section"),
    };

    /// <summary>Joining a waiting room; the subject is the event id.</summary>
    public static readonly OutcomeMap<JoinStatus> Join = new()
    {
        [JoinStatus.NotActive] = Conflict("Event '{0}' has no active waiting room; reserve directly."),
        [JoinStatus.TooEarly] = Conflict("The waiting room of event '{0}' is not open yet: join from opensAt on. Everyone who joins before onSaleAt is put in a random order at onSaleAt, so joining early brings no advantage."),
    };
}
