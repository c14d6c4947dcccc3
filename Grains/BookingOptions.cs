namespace TicketMaster.Grains;

/// <summary>Configuration section <c>Booking</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>How long a reservation holds its seats.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a payment may take before the booking answers 504; below Orleans' 30 s call timeout.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past <see cref="PaymentTimeout"/> a sale may stay pinned (or a cancelled sale unrefunded)
    /// before the event's sweep settles it: a booking that is merely slow finishes first.
    /// </summary>
    public TimeSpan SettleMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Seats one client address may hold at once for an event, in fans' worth: this times the event's
    /// <c>maxTicketsPerFan</c> (a household or an office behind one address holds for several fans).
    /// </summary>
    public int HoldsPerAddress { get; set; } = 4;

    /// <summary>How often an event grain tidies expired holds out of its state and settles sales whose booking never came back.</summary>
    public TimeSpan ExpirySweepPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
