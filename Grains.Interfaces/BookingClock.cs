namespace TicketMaster.Grains;

/// <summary>
/// The clock holds expire by: a keyed <see cref="TimeProvider"/>, so tests can fake the booking
/// rules' time without faking the time Orleans' own membership and timers run on.
/// </summary>
public static class BookingClock
{
    public const string Key = "ticketmaster";
}
