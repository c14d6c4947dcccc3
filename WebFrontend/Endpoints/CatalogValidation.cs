using System.Text.RegularExpressions;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>Shape checks of catalog requests; the grains check what needs their state (ids exist, prices cover sections).</summary>
public static partial class CatalogValidation
{
    public const int MaxSeatsPerVenue = 200_000;

    public static (Venue? Venue, string? Field, string? Error) ToVenue(string venueId, VenueRequest? body)
    {
        if (body is null) return Fail("body", "A JSON body is required.");
        if (!Text(body.Name, 200)) return Fail("name", "A name of 1 to 200 characters is required.");
        if (!Text(body.City, 100)) return Fail("city", "A city of 1 to 100 characters is required.");
        if (body.Address is { Length: > 300 }) return Fail("address", "The address is at most 300 characters.");
        if (body.Sections is not { Count: > 0 and <= 100 }) return Fail("sections", "1 to 100 sections are required.");

        var sections = new List<SectionDefinition>();
        var seats = 0;
        for (var i = 0; i < body.Sections.Count; i++)
        {
            var field = $"sections[{i}]";
            var s = body.Sections[i];
            if (s is null) return Fail(field, "A section is required.");
            if (s.SectionId is null || !SectionId().IsMatch(s.SectionId)) return Fail($"{field}.sectionId", "1 to 16 letters or digits.");
            if (sections.Any(x => x.SectionId == s.SectionId)) return Fail($"{field}.sectionId", $"Section '{s.SectionId}' is listed twice.");
            if (!Text(s.Name, 100)) return Fail($"{field}.name", "A name of 1 to 100 characters is required.");
            if (s.Capacity is { } capacity)
            {
                if (s.Rows is not null || s.SeatsPerRow is not null) return Fail(field, "Give rows and seatsPerRow (seated) or capacity (general admission), not both.");
                if (capacity is < 1 or > MaxSeatsPerVenue) return Fail($"{field}.capacity", $"1 to {MaxSeatsPerVenue}.");
                sections.Add(SectionDefinition.GeneralAdmission(s.SectionId, s.Name!, capacity));
            }
            else
            {
                if (s.Rows is not (>= 1 and <= 1000)) return Fail($"{field}.rows", "1 to 1000 rows (or give capacity for general admission).");
                if (s.SeatsPerRow is not (>= 1 and <= 1000)) return Fail($"{field}.seatsPerRow", "1 to 1000 seats per row.");
                sections.Add(SectionDefinition.Seated(s.SectionId, s.Name!, s.Rows.Value, s.SeatsPerRow.Value));
            }
            seats += sections[^1].SeatCount;
        }
        if (seats > MaxSeatsPerVenue) return Fail("sections", $"A venue has at most {MaxSeatsPerVenue} seats.");
        return (new Venue(venueId, body.Name!.Trim(), body.City!.Trim(), body.Address?.Trim() ?? "", sections), null, null);
    }

    public static (Performer? Performer, string? Field, string? Error) ToPerformer(string performerId, PerformerRequest? body)
    {
        if (body is null) return FailP("body", "A JSON body is required.");
        if (!Text(body.Name, 200)) return FailP("name", "A name of 1 to 200 characters is required.");
        if (!Text(body.Genre, 50)) return FailP("genre", "A genre of 1 to 50 characters is required.");
        return (new Performer(performerId, body.Name!.Trim(), body.Genre!.Trim()), null, null);
    }

    public static (EventDefinition? Definition, string? Field, string? Error) ToDefinition(EventRequest? body)
    {
        if (body is null) return FailE("body", "A JSON body is required.");
        if (!Text(body.Name, 200)) return FailE("name", "A name of 1 to 200 characters is required.");
        if (body.Description is { Length: > 5000 }) return FailE("description", "At most 5000 characters.");
        if (!Text(body.Category, 50)) return FailE("category", "A category of 1 to 50 characters is required.");
        if (body.StartsAt is not { } startsAt) return FailE("startsAt", "An ISO-8601 date and time is required.");
        if (!Text(body.VenueId, 100)) return FailE("venueId", "A venue id is required.");
        if (body.PerformerIds is { Count: > 20 } || body.PerformerIds?.Any(p => !Text(p, 100)) == true) return FailE("performerIds", "Up to 20 performer ids.");
        if (body.Prices is not { Count: > 0 }) return FailE("prices", "A price for every section is required.");
        var prices = new List<SectionPrice>();
        for (var i = 0; i < body.Prices.Count; i++)
        {
            var p = body.Prices[i];
            if (p?.SectionId is null) return FailE($"prices[{i}].sectionId", "The section id is required.");
            if (p.Price is not { } price || price < 0) return FailE($"prices[{i}].price", "A price of 0 or more is required.");
            if (p.Currency is null || !Currency().IsMatch(p.Currency)) return FailE($"prices[{i}].currency", "A three-letter currency code (USD) is required.");
            prices.Add(new SectionPrice(p.SectionId, price, p.Currency));
        }
        var maxTickets = body.MaxTicketsPerFan ?? EventDefinition.DefaultMaxTicketsPerFan;
        if (maxTickets is < 1 or > EventDefinition.MostTicketsPerFan) return FailE("maxTicketsPerFan", $"A limit of 1 to {EventDefinition.MostTicketsPerFan} tickets per fan (default {EventDefinition.DefaultMaxTicketsPerFan}).");
        if (body.OnSaleAt is { } onSaleAt && onSaleAt >= startsAt) return FailE("onSaleAt", "The on-sale time must come before startsAt.");
        var definition = new EventDefinition(body.Name!.Trim(), body.Description?.Trim() ?? "", body.Category!.Trim().ToLowerInvariant(),
            startsAt.ToUniversalTime(), body.VenueId!, (body.PerformerIds ?? []).Select(p => p!).ToList(), prices, maxTickets, body.OnSaleAt?.ToUniversalTime());
        return (definition, null, null);
    }

    private static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Length <= max;

    private static (Venue?, string?, string?) Fail(string field, string error) => (null, field, error);

    private static (Performer?, string?, string?) FailP(string field, string error) => (null, field, error);

    private static (EventDefinition?, string?, string?) FailE(string field, string error) => (null, field, error);

    [GeneratedRegex("^[A-Za-z0-9]{1,16}$")]
    private static partial Regex SectionId();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
