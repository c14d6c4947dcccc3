using System.Diagnostics.Metrics;

namespace TicketMaster.Grains;

/// <summary>Business metrics (meter <c>TicketMaster</c>), exported with Orleans' own by the hosts.</summary>
public static class GrainMetrics
{
    public const string MeterName = "TicketMaster";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> SeatsHeld = Meter.CreateCounter<long>("ticketmaster.seats.held", "{seat}", "Seats put on hold by reservations.");
    public static readonly Counter<long> SeatsSold = Meter.CreateCounter<long>("ticketmaster.seats.sold", "{seat}", "Seats sold by confirmed bookings.");
    public static readonly Counter<long> TicketsScanned = Meter.CreateCounter<long>("ticketmaster.tickets.scanned", "{ticket}", "Tickets admitted at the door.");
    public static readonly Counter<long> HoldsCreated = Meter.CreateCounter<long>("ticketmaster.holds.created", "{hold}", "Reservations that put seats on hold.");
    public static readonly Counter<long> HoldsReleased = Meter.CreateCounter<long>("ticketmaster.holds.released", "{hold}", "Holds released early by their fan.");

    /// <summary>Tagged <c>outcome</c> = <c>charged</c>, <c>declined</c> or <c>timeout</c>.</summary>
    public static readonly Counter<long> Payments = Meter.CreateCounter<long>("ticketmaster.payments", "{payment}", "Payment attempts by outcome.");
    public static readonly Counter<long> HoldsExpired = Meter.CreateCounter<long>("ticketmaster.holds.expired", "{hold}", "Holds that expired unpaid.");
    public static readonly Counter<long> PaymentFailures = Meter.CreateCounter<long>("ticketmaster.payments.failed", "{payment}", "Declined or timed-out payments.");
    public static readonly Counter<long> QueueJoins = Meter.CreateCounter<long>("ticketmaster.queue.joined", "{fan}", "Fans who joined a waiting room.");
    /// <summary>Fans joined and not yet admitted, over every waiting room (each process adds its part; Prometheus sums them).</summary>
    public static readonly UpDownCounter<long> QueueWaiting = Meter.CreateUpDownCounter<long>("ticketmaster.queue.waiting", "{fan}", "Fans waiting in waiting rooms: joined and not yet admitted.");

    /// <summary>How long each durable write takes (a group-commit batch, a booking step), on whichever storage is configured.</summary>
    public static readonly Histogram<double> StorageWriteDuration = Meter.CreateHistogram<double>("ticketmaster.storage.write.duration", "s", "Time of one durable write of grain state or a journal batch.");

    public static readonly Counter<long> QueueAdmissions = Meter.CreateCounter<long>("ticketmaster.queue.admitted", "{fan}", "Fans admitted from a waiting room.");
    public static readonly Counter<long> StorageWrites = Meter.CreateCounter<long>("ticketmaster.event.writes", "{write}", "Seat map writes (one per group-commit batch).");

    /// <summary>Tagged <c>journal</c> = <c>event</c> or <c>queue</c>: one per group-commit batch.</summary>
    public static readonly Counter<long> JournalAppends = Meter.CreateCounter<long>("ticketmaster.journal.appends", "{append}", "Journal records appended (one per group-commit batch).");

    /// <summary>Tagged like <see cref="JournalAppends"/>: bytes per batch is this over the appends.</summary>
    public static readonly Counter<long> JournalBytes = Meter.CreateCounter<long>("ticketmaster.journal.bytes", "By", "Bytes of journal records appended.");

    /// <summary>
    /// Tagged <c>storage</c> (the <c>Orleans:Storage</c> kind): one per append, except where a
    /// backend writes many journals' appends at once (PostgreSQL), so appends over writes is the batching across journals.
    /// </summary>
    public static readonly Counter<long> JournalWrites = Meter.CreateCounter<long>("ticketmaster.journal.writes", "{write}", "Storage round trips that appended journal records; one may carry the appends of many journals.");

    public static readonly Counter<long> JournalSnapshots = Meter.CreateCounter<long>("ticketmaster.journal.snapshots", "{snapshot}", "Snapshots written, after which older records are dropped.");

    public static readonly Counter<long> MailsQueued = Meter.CreateCounter<long>("ticketmaster.mail.queued", "{mail}", "Mails entered in the outbox (each cause once).");
    public static readonly Counter<long> MailsSent = Meter.CreateCounter<long>("ticketmaster.mail.sent", "{mail}", "Mails the mail server (or the pickup folder) accepted.");
    public static readonly Counter<long> MailsRetried = Meter.CreateCounter<long>("ticketmaster.mail.retried", "{mail}", "Deliveries that failed for now and wait for their next try.");
    public static readonly Counter<long> MailsFailed = Meter.CreateCounter<long>("ticketmaster.mail.failed", "{mail}", "Mails given up because the server refused them for good.");
}
