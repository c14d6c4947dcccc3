namespace TicketMaster.Search;

/// <summary>Coarse availability, as search shows it: it changes only when a threshold is crossed.</summary>
public static class Availability
{
    public const string Available = "available";
    public const string Few = "few";
    public const string SoldOut = "soldout";

    /// <summary>"few" below 10% of capacity left.</summary>
    public static string Of(long available, long capacity) =>
        available <= 0 ? SoldOut : available * 10 < capacity ? Few : Available;
}
