namespace TicketMaster.Events;

/// <summary>
/// A reservation id carries its event id (<c>{eventId}.{serial}-{mac}</c>, made by the event
/// grain) so that /book and DELETE /reserve/{id} find the event grain without a lookup table.
/// </summary>
public static class ReservationIds
{
    /// <summary>The event id inside a reservation id, or null when it is not one of ours.</summary>
    public static string? EventIdOf(string? reservationId)
    {
        if (string.IsNullOrEmpty(reservationId) || reservationId.Length > 200) return null;
        var dot = reservationId.LastIndexOf('.');
        return dot > 0 && dot < reservationId.Length - 1 ? reservationId[..dot] : null;
    }
}
