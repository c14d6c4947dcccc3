namespace TicketMaster.Events;

/// <summary>One event and its seat map (key: event id); the only place a seat changes hands.</summary>
[Alias("IEventGrain")]
public interface IEventGrain : Catalog.IOwnedGrain
{
    /// <summary>Creates the event on its venue's layout; <paramref name="owner"/> (a user id) owns it for good and finds it in their list.</summary>
    [Alias("Create")]
    Task<EventCommandResult> Create(EventDefinition definition, string owner = "");

    /// <summary>Replaces the definition; the layout and prices are frozen once a seat is held or sold.</summary>
    [Alias("Update")]
    Task<EventCommandResult> Update(EventDefinition definition);

    /// <summary>The event with exact availability, or null when it does not exist.</summary>
    [Alias("GetView")]
    Task<EventView?> GetView();

    /// <summary>The version the event's reads are as of, or null when it does not exist: a frontend's cheap check of its cached copies.</summary>
    [Alias("GetVersion")]
    Task<EventVersion?> GetVersion();

    /// <summary>Every seat of one seated section, or of all of them when <paramref name="sectionId"/> is null.</summary>
    [Alias("GetSeats")]
    Task<SeatMapView?> GetSeats(string? sectionId);

    /// <summary>One section's seats in a compact form: all of them, or only those changed after <paramref name="since"/> when this epoch's log still has them.</summary>
    [Alias("GetSectionSeats")]
    Task<SectionSeatsResult> GetSectionSeats(string sectionId, long? since, long? epoch);

    /// <summary>Holds seats for a user, all or nothing.</summary>
    [Alias("Reserve")]
    Task<ReserveResult> Reserve(ReserveRequest request);

    /// <summary>The fan's active holds on this event (held, not being paid for, not expired).</summary>
    [Alias("HoldsOf")]
    Task<IReadOnlyList<Reservation>> HoldsOf(string userId);

    /// <summary>Frees a hold before it expires.</summary>
    [Alias("Release")]
    Task<HoldResult> Release(string reservationId, string userId);

    /// <summary>
    /// Stops a hold from expiring while <paramref name="bookingId"/> charges for it; when that
    /// booking bought it already, answers its sale (a replay after the confirmation).
    /// </summary>
    [Alias("Pin")]
    Task<HoldResult> Pin(string reservationId, string userId, string bookingId);

    /// <summary>Lets a pinned hold expire again after its payment failed.</summary>
    [Alias("Unpin")]
    Task<HoldResult> Unpin(string reservationId, string bookingId);

    /// <summary>
    /// Marks the pinned seats sold to <paramref name="bookingId"/> and answers the sale with its
    /// tickets; repeating it is harmless. Gone (with the sale) when the event was cancelled meanwhile: the booking refunds.
    /// With <paramref name="mailTo"/>, the sale's durable record owes a confirmation mail there, sent once.
    /// </summary>
    [Alias("Confirm")]
    Task<HoldResult> Confirm(string reservationId, string bookingId, string? mailTo = null);

    /// <summary>Returns sold seats to sale when their fan cancels; the sale stays, its refund under way, until <see cref="MarkRefunded"/>.</summary>
    [Alias("ReturnSeats")]
    Task<HoldResult> ReturnSeats(string reservationId, string bookingId);

    /// <summary>What <paramref name="bookingId"/> has of the reservation (pinned, sold, cancelled), as durable; null when nothing.</summary>
    [Alias("GetSale")]
    Task<SaleView?> GetSale(string reservationId, string bookingId);

    /// <summary>
    /// The booking's refund went through: a returned sale (or one sold after the event's cancellation) is refunded. False when there is none.
    /// With <paramref name="mailTo"/>, the change that records the refund owes its fan a mail saying so, sent once.
    /// </summary>
    [Alias("MarkRefunded")]
    Task<bool> MarkRefunded(string reservationId, string bookingId, string? mailTo = null);

    /// <summary>Admits the ticket of a code once, durably; a repeat says when it was admitted, a transferred, refunded or cancelled ticket's code is void.</summary>
    [Alias("Scan")]
    Task<ScanResult> Scan(string code);

    /// <summary>
    /// Moves tickets of <paramref name="fromBookingId"/> to the booking <paramref name="toBookingId"/>
    /// in one durable change, before the event starts: new codes for them, the old ones void. All or none.
    /// With <paramref name="mailTo"/>, the same change owes the receiver a mail with the tickets.
    /// </summary>
    [Alias("Transfer")]
    Task<TransferResult> Transfer(string reservationId, string fromBookingId, IReadOnlyList<string> ticketIds, string toBookingId, string? mailTo = null);

    /// <summary>
    /// Puts the fan on the waitlist for seats that come back (at most once; a repeat answers the place); answers the place once durable.
    /// With <paramref name="mailTo"/>, an offer to the fan owes a mail there in the same change that makes it.
    /// </summary>
    [Alias("JoinWaitlist")]
    Task<WaitlistResult> JoinWaitlist(string userId, int quantity, string? sectionId, string? mailTo = null);

    /// <summary>Takes the fan off the waitlist; false when they were not on it.</summary>
    [Alias("LeaveWaitlist")]
    Task<bool> LeaveWaitlist(string userId);

    /// <summary>Switches the admission-token check of /reserve; false when the event does not exist.</summary>
    [Alias("SetQueueActive")]
    Task<bool> SetQueueActive(bool active);

    /// <summary>
    /// Cancels the event (an organiser's call): sales stop, holds are dropped, and every booking is
    /// refunded. Repeating it is harmless and pushes on refunds that failed; a reminder does the same.
    /// </summary>
    [Alias("Cancel")]
    Task<CancelEventResult> Cancel();

    /// <summary>What sold, when and for how much, from the event's own seat map; null when it does not exist.</summary>
    [Alias("GetSalesReport")]
    Task<SalesReport?> GetSalesReport();

    /// <summary>Every booking of the event, sold or cancelled, one line each; null when it does not exist.</summary>
    [Alias("GetSalesLines")]
    Task<IReadOnlyList<SaleLine>?> GetSalesLines();

    /// <summary>Running counters against a recount of the seat map.</summary>
    [Alias("Audit")]
    Task<SeatMapAudit> Audit();
}
