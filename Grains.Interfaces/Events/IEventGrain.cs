namespace TicketMaster.Events;

/// <summary>One event and its seat map (key: event id); the only place a seat changes hands.</summary>
[Alias("IEventGrain")]
public interface IEventGrain : IGrainWithStringKey
{
    /// <summary>Creates the event on its venue's layout.</summary>
    [Alias("Create")]
    Task<EventCommandResult> Create(EventDefinition definition);

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

    /// <summary>Holds seats for a user, all or nothing.</summary>
    [Alias("Reserve")]
    Task<ReserveResult> Reserve(ReserveRequest request);

    /// <summary>Frees a hold before it expires.</summary>
    [Alias("Release")]
    Task<HoldResult> Release(string reservationId, string userId);

    /// <summary>Stops a hold from expiring while <paramref name="bookingId"/> charges for it.</summary>
    [Alias("Pin")]
    Task<HoldResult> Pin(string reservationId, string userId, string bookingId);

    /// <summary>Lets a pinned hold expire again after its payment failed.</summary>
    [Alias("Unpin")]
    Task<HoldResult> Unpin(string reservationId, string bookingId);

    /// <summary>Marks the pinned seats sold to <paramref name="bookingId"/>; repeating it is harmless.</summary>
    [Alias("Confirm")]
    Task<HoldResult> Confirm(string reservationId, string bookingId);

    /// <summary>Returns sold seats to sale after a cancellation.</summary>
    [Alias("ReturnSeats")]
    Task<HoldResult> ReturnSeats(string reservationId, string bookingId);

    /// <summary>Switches the admission-token check of /reserve; false when the event does not exist.</summary>
    [Alias("SetQueueActive")]
    Task<bool> SetQueueActive(bool active);

    /// <summary>
    /// Cancels the event (an organiser's call): sales stop, holds are dropped, and every booking is
    /// refunded. Repeating it is harmless and pushes on refunds that failed; a reminder does the same.
    /// </summary>
    [Alias("Cancel")]
    Task<CancelEventResult> Cancel();

    /// <summary>Running counters against a recount of the seat map.</summary>
    [Alias("Audit")]
    Task<SeatMapAudit> Audit();
}
