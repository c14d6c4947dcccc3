using System.Text.RegularExpressions;
using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>What makes an event definition valid against its venue: one price per section, one currency.</summary>
public static partial class EventDefinitionRules
{
    public static EventCommandResult? Validate(EventDefinition definition, Venue venue)
    {
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 200) return EventCommandResult.Invalid("name", "Name is required (at most 200 characters).");
        if (string.IsNullOrWhiteSpace(definition.Category) || definition.Category.Length > 50) return EventCommandResult.Invalid("category", "Category is required (at most 50 characters).");
        if (definition.Description is null || definition.Description.Length > 5000) return EventCommandResult.Invalid("description", "Description is at most 5000 characters.");

        var prices = definition.Prices ?? [];
        foreach (var price in prices)
        {
            if (venue.Sections.All(s => s.SectionId != price.SectionId)) return EventCommandResult.Invalid("prices", $"The venue has no section '{price.SectionId}'.");
            if (price.Price < 0 || price.Price > 1_000_000) return EventCommandResult.Invalid("prices", $"The price of section '{price.SectionId}' must be 0 to 1,000,000.");
            if (price.Currency is null || !CurrencyCode().IsMatch(price.Currency)) return EventCommandResult.Invalid("prices", $"The currency of section '{price.SectionId}' must be a three-letter ISO code.");
        }
        if (prices.GroupBy(p => p.SectionId).Any(g => g.Count() > 1)) return EventCommandResult.Invalid("prices", "Each section has one price.");
        var missing = venue.Sections.FirstOrDefault(s => prices.All(p => p.SectionId != s.SectionId));
        if (missing is not null) return EventCommandResult.Invalid("prices", $"Section '{missing.SectionId}' has no price.");
        if (prices.Select(p => p.Currency).Distinct().Count() > 1) return EventCommandResult.Invalid("prices", "All prices of an event are in one currency.");
        return null;
    }

    /// <summary>Whether the change touches what a held or sold seat was bought under.</summary>
    public static bool ChangesLayout(EventDefinition before, EventDefinition after) =>
        before.VenueId != after.VenueId
        || before.Prices.Count != after.Prices.Count
        || before.Prices.Any(p => !after.Prices.Contains(p));

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
