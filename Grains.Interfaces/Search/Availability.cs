namespace TicketMaster.Search;

/// <summary>Coarse availability, as search shows it: it changes only when a threshold is crossed.</summary>
public static class Availability
{
    public const string Available = "available";
    public const string Few = "few";
    public const string SoldOut = "soldout";

    /// <summary>The organiser cancelled the event; it stays findable so that fans learn it.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>"few" below 10% of capacity left.</summary>
    public static string Of(long available, long capacity) =>
        available <= 0 ? SoldOut : available * 10 < capacity ? Few : Available;
}
