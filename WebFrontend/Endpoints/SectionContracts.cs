using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>GET /api/v1/events/{eventId}/sections: every section at a glance, laid out on a simple grid in venue order.</summary>
public sealed record SectionsResponse(string EventId, long Version, bool Cancelled, int GridColumns, IReadOnlyList<SectionOverview> Sections)
{
    public static SectionsResponse From(EventView view)
    {
        var columns = (int)Math.Ceiling(Math.Sqrt(view.Sections.Count));
        var sections = view.Sections.Select((s, i) =>
        {
            var layout = view.Venue.Sections.First(d => d.SectionId == s.SectionId);
            return new SectionOverview(s.SectionId, s.Name, i, i / columns + 1, i % columns + 1, layout.Rows, layout.SeatsPerRow,
                s.Capacity, s.Available, s.Held, s.Sold, s.Price, s.Currency, s.GeneralAdmission);
        }).ToList();
        return new SectionsResponse(view.EventId, view.Version, view.Cancelled, columns, sections);
    }
}

/// <summary>One section's place (index in the venue, 1-based row and column of the grid), size, counts and price; standing sections have no rows.</summary>
public sealed record SectionOverview(
    string SectionId, string Name, int Index, int GridRow, int GridColumn, int Rows, int SeatsPerRow,
    int Capacity, int Available, int Held, int Sold, decimal Price, string Currency, bool Standing);

/// <summary>
/// GET /api/v1/events/{eventId}/sections/{sectionId}/seats: the whole section (<c>full</c>, <c>status</c>
/// one character per seat row by row, 0 free, 1 held, 2 sold) or the seats changed since the
/// version asked for (<c>changes</c>: [seat index, status] pairs, the index counted row by row from 0).
/// </summary>
public sealed record SectionSeatsResponse(
    string EventId, string SectionId, long Version, long Epoch, int Rows, int SeatsPerRow,
    int Available, int Held, int Sold, bool Full, string? Status, IReadOnlyList<int[]>? Changes)
{
    public static SectionSeatsResponse From(SectionSeats seats) => new(
        seats.EventId, seats.SectionId, seats.Version, seats.Epoch, seats.Rows, seats.SeatsPerRow,
        seats.Available, seats.Held, seats.Sold, seats.Full, seats.Status,
        seats.Changes is { } changes ? changes.Chunk(2).ToList() : null);
}
