using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Events;

/// <summary>
/// One change of an event, as its journal stores it. Changes are facts already decided (which
/// seats, which serial), so a replay applies them without deciding anything again.
/// </summary>
[GenerateSerializer, Alias("EventChange")]
public abstract record EventChange;

/// <summary>
/// Created, or its definition replaced; <see cref="Venue"/> is set when the layout is (re)taken from the venue, <see cref="Owner"/> when it is created.
/// <see cref="TellFans"/>: its start moved, and every fan holding tickets is owed a mail saying so, in this same change.
/// </summary>
[GenerateSerializer, Alias("EventDefined")]
public sealed record EventDefined(
    [property: Id(0)] EventDefinition Definition,
    [property: Id(1)] Venue? Venue,
    [property: Id(2)] List<Performer> Performers,
    [property: Id(3)] byte[]? ReservationKey,
    [property: Id(4)] long DocumentVersion,
    [property: Id(5)] string? Owner = null,
    [property: Id(6)] bool TellFans = false) : EventChange;

[GenerateSerializer, Immutable, Alias("QueueSwitched")]
public sealed record QueueSwitched([property: Id(0)] bool Active) : EventChange;

/// <summary>Search was told a new coarse availability, under a new document version.</summary>
[GenerateSerializer, Immutable, Alias("AvailabilityPublished")]
public sealed record AvailabilityPublished([property: Id(0)] string Availability, [property: Id(1)] long DocumentVersion) : EventChange;

[GenerateSerializer, Alias("HoldAdded")]
public sealed record HoldAdded(
    [property: Id(0)] int Serial,
    [property: Id(1)] string UserId,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] int[] Seats,
    [property: Id(4)] int GaSection,
    [property: Id(5)] int GaCount) : EventChange;

/// <summary>A hold or sale gave its seats back: released, expired, or a cancelled booking's.</summary>
[GenerateSerializer, Immutable, Alias("HoldRemoved")]
public sealed record HoldRemoved([property: Id(0)] int Serial) : EventChange;

/// <summary>A booking started paying for the hold: it no longer expires. <see cref="At"/> lets a sweep find a sale whose booking never came back.</summary>
[GenerateSerializer, Immutable, Alias("HoldPinned")]
public sealed record HoldPinned([property: Id(0)] int Serial, [property: Id(1)] string BookingId, [property: Id(2)] DateTimeOffset At = default) : EventChange;

[GenerateSerializer, Immutable, Alias("HoldUnpinned")]
public sealed record HoldUnpinned([property: Id(0)] int Serial) : EventChange;

/// <summary>
/// The pinned hold is sold; <see cref="At"/> (the confirmation's time) dates it in the sales report.
/// <see cref="MailTo"/>, when set, is where its confirmation goes: recorded in the same append as
/// the sale, so the mail is owed exactly when the sale is durable (the outbox's first half).
/// </summary>
[GenerateSerializer, Immutable, Alias("HoldSold")]
public sealed record HoldSold([property: Id(0)] int Serial, [property: Id(1)] DateTimeOffset At = default, [property: Id(2)] string? MailTo = null) : EventChange;

/// <summary>The organiser cancelled the event: sales stop, and search shows it cancelled under a new document version.</summary>
[GenerateSerializer, Immutable, Alias("EventCancelled")]
public sealed record EventCancelled([property: Id(0)] long DocumentVersion) : EventChange;

/// <summary>A sale of a cancelled event was refunded by its booking: its seats are free, and the sale is kept as refunded and counted.</summary>
/// <remarks><see cref="MailTo"/>, when set, is owed the news that the event is off and the money back, in the same append.</remarks>
[GenerateSerializer, Immutable, Alias("BookingRefunded")]
public sealed record BookingRefunded([property: Id(0)] int Serial, [property: Id(1)] string? MailTo = null) : EventChange;

/// <summary>The fan cancelled the sale: its seats are back on sale and its refund is under way (a sweep finishes it if the booking does not).</summary>
[GenerateSerializer, Immutable, Alias("SaleReturned")]
public sealed record SaleReturned([property: Id(0)] int Serial, [property: Id(1)] DateTimeOffset At) : EventChange;

/// <summary>A returned sale's money went back.</summary>
/// <remarks>
/// <see cref="MailTo"/>, when set, is owed the news that the booking is cancelled and the money on its way back, in
/// the same append. Records written before it existed have none, and owe nothing.
/// </remarks>
[GenerateSerializer, Immutable, Alias("SaleRefunded")]
public sealed record SaleRefunded([property: Id(0)] int Serial, [property: Id(1)] string? MailTo = null) : EventChange;

/// <summary>A ticket was admitted at the door: it never admits again.</summary>
[GenerateSerializer, Immutable, Alias("TicketScanned")]
public sealed record TicketScanned([property: Id(0)] int Serial, [property: Id(1)] int Index, [property: Id(2)] DateTimeOffset At) : EventChange;

/// <summary>
/// Tickets of a sale moved to the booking <see cref="ToBookingId"/> (another fan's): each gets its
/// next generation, so a new code, and every earlier code of it is void.
/// </summary>
[GenerateSerializer, Alias("TicketsTransferred")]
public sealed record TicketsTransferred(
    [property: Id(0)] int Serial, [property: Id(1)] int[] Indexes, [property: Id(2)] string ToBookingId, [property: Id(3)] string? MailTo = null) : EventChange;

/// <summary>
/// A fan joined the waitlist for <see cref="Quantity"/> seats, in one section (its index) or any (-1); an offer
/// to them is mailed to <see cref="Email"/> (none in joins recorded before it existed: no mail).
/// </summary>
[GenerateSerializer, Immutable, Alias("WaitlistJoined")]
public sealed record WaitlistJoined(
    [property: Id(0)] string UserId, [property: Id(1)] int Quantity, [property: Id(2)] int Section, [property: Id(3)] string? Email = null) : EventChange;

[GenerateSerializer, Immutable, Alias("WaitlistLeft")]
public sealed record WaitlistLeft([property: Id(0)] string UserId) : EventChange;

/// <summary>
/// The hold <see cref="Serial"/> (just added) is the waiting fan's offer: they leave the waitlist.
/// <see cref="MailTo"/>, when set, is owed a mail saying so, in the same append.
/// </summary>
[GenerateSerializer, Immutable, Alias("WaitlistOffered")]
public sealed record WaitlistOffered([property: Id(0)] int Serial, [property: Id(1)] string UserId, [property: Id(2)] string? MailTo = null) : EventChange;

/// <summary>The outbox holds these mails now: they are no longer this event's to hand on.</summary>
[GenerateSerializer, Immutable, Alias("MailsHandedOn")]
public sealed record MailsHandedOn([property: Id(0)] List<string> MailIds) : EventChange;

/// <summary>One group-commit batch: the unit the journal appends.</summary>
[GenerateSerializer, Alias("EventBatch")]
public sealed record EventBatch([property: Id(0)] List<EventChange> Changes) : IJournalBatch
{
    public int ChangeCount => Changes.Count;
}
