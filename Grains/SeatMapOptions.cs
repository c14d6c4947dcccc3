namespace TicketMaster.Grains;

/// <summary>Configuration section <c>SeatMap</c>.</summary>
public sealed class SeatMapOptions
{
    public const string Section = "SeatMap";

    /// <summary>
    /// How many recent seat changes an event keeps in memory to answer "what changed since version
    /// N" (12 bytes each, allocated as they come): a reader further behind gets the whole section.
    /// </summary>
    public int ChangeLogSize { get; set; } = 65_536;
}
