using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Endpoints;

public sealed record ViewResponse(
    string EventId, string Name, string Description, string Category, DateTimeOffset StartsAt,
    IReadOnlyList<PerformerSummary> Performers, VenueSummary Venue, bool QueueActive, IReadOnlyList<SectionSummary> Sections,
    bool Cancelled, DateTimeOffset? OnSaleAt)
{
    public static ViewResponse From(EventView view) => new(
        view.EventId, view.Name, view.Description, view.Category, view.StartsAt,
        view.Performers.Select(p => new PerformerSummary(p.PerformerId, p.Name)).ToList(),
        new VenueSummary(view.Venue.VenueId, view.Venue.Name, view.Venue.City, view.Venue.Address),
        view.QueueActive,
        view.Sections.Select(s => new SectionSummary(s.SectionId, s.Name, s.Price, s.Currency, s.Capacity, s.Available, s.GeneralAdmission)).ToList(),
        view.Cancelled, view.OnSaleAt);
}

public sealed record PerformerSummary(string PerformerId, string Name);

public sealed record VenueSummary(string VenueId, string Name, string City, string Address);

public sealed record SectionSummary(string SectionId, string Name, decimal Price, string Currency, int Capacity, int Available, bool GeneralAdmission);

public sealed record SeatsResponse(string EventId, IReadOnlyList<SeatView> Seats);
