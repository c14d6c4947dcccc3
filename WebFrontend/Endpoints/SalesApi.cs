using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// An event's sales report for its organiser: JSON, or with <c>Accept: text/csv</c> one line per
/// booking. Both come from the event grain's own seat map, never from the bookings (docs/api.md).
/// </summary>
public static class SalesApi
{
    public const string CsvType = "text/csv";

    public static IEndpointRouteBuilder MapSalesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events/{eventId}/sales", Sales).WithTags("Catalog").RequireAuthorization(AuthenticationSetup.CatalogPolicy)
            .WithName("SalesReport").WithSummary("What the event sold, held and refunded, per section and per minute; one line per booking as text/csv.")
            .Produces<SalesReport>(StatusCodes.Status200OK, "application/json", CsvType)
            .OwnedBy<IEventGrain>("eventId", "event");
        return app;
    }

    public static async Task<IResult> Sales(string eventId, HttpRequest request, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IEventGrain>(eventId);
        if (!WantsCsv(request))
        {
            var report = await grain.GetSalesReport();
            return report is null ? Problem.NotFound($"No event '{eventId}'.") : TypedResults.Ok(report);
        }
        var lines = await grain.GetSalesLines();
        if (lines is null) return Problem.NotFound($"No event '{eventId}'.");
        return TypedResults.Text(Csv(lines), CsvType + "; charset=utf-8", Encoding.UTF8);
    }

    private static bool WantsCsv(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(CsvType, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    /// <summary>No fan's name, email or id: a booking id, when, what and how much.</summary>
    public static string Csv(IReadOnlyList<SaleLine> lines)
    {
        var csv = new StringBuilder("bookingId,confirmedAt,sectionId,seats,amount,currency,status\n", 64 + lines.Count * 96);
        foreach (var line in lines)
        {
            csv.Append(line.BookingId).Append(',')
                .Append(line.ConfirmedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(line.SectionId).Append(',')
                .Append(line.Seats.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(line.Amount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(line.Currency).Append(',')
                .Append(line.Status switch { SaleLineStatus.Sold => "sold", SaleLineStatus.Refunding => "refunding", _ => "refunded" })
                .Append('\n');
        }
        return csv.ToString();
    }
}
