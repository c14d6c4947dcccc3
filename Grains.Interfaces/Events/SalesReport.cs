namespace TicketMaster.Events;

/// <summary>
/// GET /api/v1/events/{id}/sales: what the event's seat map says of its sales. Revenue counts the
/// sales that stand (a cancelled booking's money went back); <see cref="PerMinute"/> buckets those
/// sales by the minute they were confirmed, so its sums equal the totals.
/// </summary>
[GenerateSerializer, Immutable, Alias("SalesReport")]
public sealed record SalesReport(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Currency,
    [property: Id(2)] IReadOnlyList<SectionSales> Sections,
    [property: Id(3)] SalesTotals Totals,
    [property: Id(4)] IReadOnlyList<MinuteSales> PerMinute);

[GenerateSerializer, Immutable, Alias("SectionSales")]
public sealed record SectionSales(
    [property: Id(0)] string SectionId,
    [property: Id(1)] int Capacity,
    [property: Id(2)] int Sold,
    [property: Id(3)] int Held,
    [property: Id(4)] int Available,
    [property: Id(5)] decimal Revenue);

/// <param name="Bookings">Sales that stand.</param>
/// <param name="Refunded">Bookings cancelled (by their fan or with the event): refunded, or with the refund under way.</param>
/// <param name="RefundedAmount">What those bookings had paid.</param>
[GenerateSerializer, Immutable, Alias("SalesTotals")]
public sealed record SalesTotals(
    [property: Id(0)] int Sold,
    [property: Id(1)] int Held,
    [property: Id(2)] decimal Revenue,
    [property: Id(3)] int Bookings,
    [property: Id(4)] int Refunded,
    [property: Id(5)] decimal RefundedAmount);

[GenerateSerializer, Immutable, Alias("MinuteSales")]
public sealed record MinuteSales(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] int Sold,
    [property: Id(2)] decimal Revenue);

public enum SaleLineStatus
{
    Sold,
    /// <summary>Cancelled: the seats are back and the refund is under way.</summary>
    Refunding,
    Refunded,
}

/// <summary>One booking in the CSV of the sales report. <see cref="ConfirmedAt"/> is null for sales confirmed before times were recorded.</summary>
[GenerateSerializer, Immutable, Alias("SaleLine")]
public sealed record SaleLine(
    [property: Id(0)] string BookingId,
    [property: Id(1)] DateTimeOffset? ConfirmedAt,
    [property: Id(2)] string SectionId,
    [property: Id(3)] int Seats,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] SaleLineStatus Status,
    [property: Id(6)] string Currency);
