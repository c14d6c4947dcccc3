using TicketMaster.Events;

namespace TicketMaster.Mail;

/// <summary>What a mail says, as facts; the sender's templates turn it into text, HTML and images.</summary>
[GenerateSerializer, Alias("MailContent")]
public abstract record MailContent;

/// <summary>Where and when an event takes place, as a mail names it.</summary>
[GenerateSerializer, Immutable, Alias("MailEvent")]
public sealed record MailEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] string Venue,
    [property: Id(4)] string City,
    [property: Id(5)] string Address);

/// <summary>A booking was paid and its seats sold: the tickets with their codes.</summary>
[GenerateSerializer, Immutable, Alias("BookingConfirmedMail")]
public sealed record BookingConfirmedMail(
    [property: Id(0)] MailEvent Event,
    [property: Id(1)] string BookingId,
    [property: Id(2)] SaleView Sale) : MailContent;

/// <summary>Another fan passed tickets on: they are the receiver's now, with new codes.</summary>
[GenerateSerializer, Immutable, Alias("TicketsReceivedMail")]
public sealed record TicketsReceivedMail(
    [property: Id(0)] MailEvent Event,
    [property: Id(1)] string BookingId,
    [property: Id(2)] SaleView Sale) : MailContent;

/// <summary>The organiser cancelled the event: the booking's money went back and its tickets are void.</summary>
[GenerateSerializer, Immutable, Alias("EventCancelledMail")]
public sealed record EventCancelledMail(
    [property: Id(0)] MailEvent Event,
    [property: Id(1)] string BookingId,
    [property: Id(2)] SaleView Sale) : MailContent;

/// <summary>The fan cancelled the booking and its money went back; its tickets are void.</summary>
[GenerateSerializer, Immutable, Alias("BookingCancelledMail")]
public sealed record BookingCancelledMail(
    [property: Id(0)] MailEvent Event,
    [property: Id(1)] string BookingId,
    [property: Id(2)] SaleView Sale) : MailContent;

/// <summary>Seats came back and the waitlist holds them for the fan as <see cref="Offer"/>, until its <see cref="Reservation.ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistOfferMail")]
public sealed record WaitlistOfferMail(
    [property: Id(0)] MailEvent Event,
    [property: Id(1)] Reservation Offer) : MailContent;

/// <summary>The event's start moved: <see cref="MailEvent.StartsAt"/> is the new one; the tickets stay valid.</summary>
[GenerateSerializer, Immutable, Alias("EventMovedMail")]
public sealed record EventMovedMail(
    [property: Id(0)] MailEvent Event,
    [property: Id(1)] string BookingId,
    [property: Id(2)] DateTimeOffset PreviousStartsAt) : MailContent;

/// <summary>A fan asked to reset their password: the link carries the one-time token.</summary>
[GenerateSerializer, Immutable, Alias("PasswordResetMail")]
public sealed record PasswordResetMail(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt) : MailContent;
