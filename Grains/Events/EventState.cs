using System.Security.Cryptography;
using System.Text;
using TicketMaster.Bookings;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The event as its snapshots store it. The seat map is one int per seat: 0 free, +serial held
/// by that hold, -serial sold to that sale, so 100,000 seats are 400 KB and a seat's status needs
/// no lookup. Sold seats keep a small struct per sale, not the hold they came from: a sold-out
/// stadium stays a few MB.
/// </summary>
[GenerateSerializer, Alias("EventState.v2")]
public sealed class EventState
{
    [Id(0)] public EventDefinition? Definition { get; set; }

    /// <summary>The venue as it was when the layout was taken: the seat map's layout.</summary>
    [Id(1)] public Venue? Venue { get; set; }

    [Id(2)] public List<Performer> Performers { get; set; } = [];

    [Id(3)] public int[] SeatOwners { get; set; } = [];

    /// <summary>Holds not yet sold (held or pinned), by serial.</summary>
    [Id(4)] public Dictionary<int, HoldRecord> Holds { get; set; } = [];

    /// <summary>Sales by the serial of the hold they came from.</summary>
    [Id(5)] public Dictionary<int, SaleRecord> Sales { get; set; } = [];

    [Id(6)] public int NextSerial { get; set; } = 1;

    /// <summary>Grows with every change search should see; the search document's version.</summary>
    [Id(7)] public long DocumentVersion { get; set; }

    [Id(8)] public bool QueueActive { get; set; }

    /// <summary>Signs reservation ids, so a forged one is told apart from one that expired.</summary>
    [Id(9)] public byte[] ReservationKey { get; set; } = [];

    /// <summary>The coarse availability search was last told.</summary>
    [Id(10)] public string SearchAvailability { get; set; } = "";

    /// <summary>The organiser cancelled it: nothing is on sale, and every sale is being refunded.</summary>
    [Id(11)] public bool Cancelled { get; set; }

    /// <summary>Sales refunded because the event was cancelled.</summary>
    [Id(12)] public int BookingsRefunded { get; set; }

    /// <summary>Sales cancelled (by their fan or with the event) by serial: kept so their bookings still show, and a refund under way is finished.</summary>
    [Id(14)] public Dictionary<int, ReturnedSale> Returned { get; set; } = [];

    /// <summary>Tickets that were scanned or transferred, by <see cref="TicketRecord.Key"/>; every other ticket is as its sale issued it.</summary>
    [Id(15)] public Dictionary<long, TicketRecord> Tickets { get; set; } = [];

    /// <summary>Fans waiting for returned seats, first come first offered.</summary>
    [Id(16)] public List<WaitlistEntry> Waitlist { get; set; } = [];

    /// <summary>Grows by one with every change applied (live or replayed): what a reader's copy of view or seats is as of.</summary>
    [Id(13)] public long Version { get; set; }

    /// <summary>The user id of its creator (who may run it besides admins); "" for events made before owners were recorded.</summary>
    [Id(17)] public string Owner { get; set; } = "";

    /// <summary>Mails owed by durable changes and not yet in the outbox, by mail id: handed on again after a restart.</summary>
    [Id(18)] public Dictionary<string, PendingMail> MailsToHandOn { get; set; } = [];
}

/// <summary>A mail of kind <see cref="Kind"/> the sale (or, for a waitlist offer, the hold) of <see cref="Serial"/> owes to <see cref="To"/>.</summary>
[GenerateSerializer, Immutable, Alias("PendingMail")]
public readonly record struct PendingMail(
    [property: Id(0)] int Serial,
    [property: Id(1)] string To,
    [property: Id(2)] OwedMail Kind = OwedMail.BookingConfirmed,
    [property: Id(3)] string? BookingId = null,
    [property: Id(4)] DateTimeOffset? PreviousStartsAt = null)
{
    /// <summary>The address is the booking's, looked up when the mail is handed on (an event keeps no fan's address per sale).</summary>
    public const string AddressOfBooking = "";
}

/// <summary>Which mail a sale owes.</summary>
public enum OwedMail
{
    BookingConfirmed,
    /// <summary>The organiser cancelled the event and the sale was refunded.</summary>
    EventCancelled,
    /// <summary>Tickets of the sale moved to <see cref="PendingMail.BookingId"/>, another fan's booking.</summary>
    TicketsReceived,
    /// <summary>The event's start moved from <see cref="PendingMail.PreviousStartsAt"/>; to the fan of <see cref="PendingMail.BookingId"/>.</summary>
    EventMoved,
    /// <summary>The fan cancelled the sale and its money went back.</summary>
    BookingCancelled,
    /// <summary>The waitlist holds seats for the fan: the hold of <see cref="PendingMail.Serial"/>.</summary>
    WaitlistOffer,
}

public enum HoldState
{
    Held,
    /// <summary>A booking is paying for it: it does not expire.</summary>
    Pinned,
}

[GenerateSerializer, Alias("HoldRecord.v2")]
public sealed class HoldRecord
{
    [Id(0)] public string UserId { get; set; } = "";
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(2)] public HoldState State { get; set; }
    [Id(3)] public string? BookingId { get; set; }

    /// <summary>Ordinals into <see cref="EventState.SeatOwners"/>; never changed in place.</summary>
    [Id(4)] public int[] Seats { get; set; } = [];

    /// <summary>General admission: the section index and ticket count (-1 and 0 for seated holds).</summary>
    [Id(5)] public int GaSection { get; set; } = -1;
    [Id(6)] public int GaCount { get; set; }

    /// <summary>When the booking pinned it: a pin much older than a payment may take belongs to a booking that died.</summary>
    [Id(7)] public DateTimeOffset PinnedAt { get; set; }
}

/// <summary>
/// One ticket of a sale after the sale: its code's generation (0 as sold, one more per transfer),
/// the booking holding it when it was moved (null: the sale's own), and when it was admitted.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketRecord")]
public readonly record struct TicketRecord(
    [property: Id(0)] int Generation,
    [property: Id(1)] string? Holder,
    [property: Id(2)] DateTimeOffset? ScannedAt)
{
    /// <summary>A sale has at most a few tickets, so its serial and the ticket's index make one key.</summary>
    public static long Key(int serial, int index) => ((long)serial << 8) | (uint)index;
}

/// <summary>A fan waiting for <see cref="Quantity"/> seats, in the section of index <see cref="Section"/> or any (-1); their offer is mailed to <see cref="Email"/> when known.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistEntry")]
public readonly record struct WaitlistEntry(
    [property: Id(0)] string UserId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] int Section,
    [property: Id(3)] string? Email = null);

/// <summary>A cancelled sale: refunded, or with its refund under way since <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("ReturnedSale")]
public readonly record struct ReturnedSale(
    [property: Id(0)] SaleRecord Sale,
    [property: Id(1)] bool Refunded,
    [property: Id(2)] DateTimeOffset At);

/// <summary>
/// What a sale must remember: whose booking it is (to confirm again, return it, or refund it when
/// the event is cancelled), its seats, and its fan (for the ticket limit).
/// </summary>
[GenerateSerializer, Immutable, Alias("SaleRecord")]
public readonly record struct SaleRecord(
    [property: Id(1)] int[] Seats,
    [property: Id(2)] int GaSection,
    [property: Id(3)] int GaCount,
    [property: Id(4)] long Fan,
    [property: Id(5)] string? OtherBookingId,
    [property: Id(6)] Guid CompactBookingId,
    [property: Id(7)] DateTimeOffset SoldAt = default)
{
    /// <summary>A sale of <paramref name="bookingId"/>: 16 bytes for the ids bookings are made with, the string for any other.</summary>
    public static SaleRecord Of(string bookingId, int[] seats, int gaSection, int gaCount, long fan, DateTimeOffset soldAt) =>
        BookingIds.TryCompact(bookingId, out var compact)
            ? new SaleRecord(seats, gaSection, gaCount, fan, null, compact, soldAt)
            : new SaleRecord(seats, gaSection, gaCount, fan, bookingId, default, soldAt);

    public string BookingId => OtherBookingId ?? BookingIds.FromCompact(CompactBookingId);

    /// <summary>Whether <paramref name="bookingId"/> bought this sale, without building the id's string.</summary>
    public bool IsOf(string bookingId) =>
        OtherBookingId is { } other
            ? other == bookingId
            : BookingIds.TryCompact(bookingId, out var compact) && compact == CompactBookingId;

    /// <summary>64 bits of a fan's id stand for the fan: a sale only needs to recognise its fan, not name it.</summary>
    public static long Fingerprint(string id) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0);
}
