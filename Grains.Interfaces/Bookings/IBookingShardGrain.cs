namespace TicketMaster.Bookings;

/// <summary>
/// One shard of the fans' bookings (key: <see cref="BookingIds.ShardOf"/>): which booking is whose
/// and for which reservation, and each fan's list. Journaled in batches, so a sale's first durable
/// step shares its storage round trip with the other fans' in the same shard.
/// </summary>
[Alias("IBookingShardGrain")]
public interface IBookingShardGrain : IGrainWithIntegerKey
{
    /// <summary>Records the entry unless its booking id has one; answers the recorded entry once durable (the first wins).</summary>
    [Alias("Begin")]
    Task<BookingEntry> Begin(BookingEntry entry);

    /// <summary>Takes out <paramref name="entry"/> if it is still exactly what its booking id holds (a later or other entry stays); answers once durable.</summary>
    [Alias("Forget")]
    Task Forget(BookingEntry entry);

    /// <summary>Marks the booking's payment declined, for good; answers once durable.</summary>
    [Alias("Decline")]
    Task Decline(string bookingId, string reason);

    /// <summary>The booking's entry, or null when it never started.</summary>
    [Alias("Find")]
    Task<BookingEntry?> Find(string bookingId);

    /// <summary>The fan's confirmed and cancelled bookings, oldest first, as their events know them.</summary>
    [Alias("ListOf")]
    Task<IReadOnlyList<Booking>> ListOf(string userId);
}
