using TicketMaster.Catalog;
using TicketMaster.Events;
using static TicketMaster.Hosting.Seeding.CatalogNames;

namespace TicketMaster.Hosting.Seeding;

/// <summary>
/// Makes up a realistic catalog: the same seed and time always give the same catalog, so demos,
/// tests and benchmarks can rely on what is in it. Venues are small to medium (up to about 2,500
/// places) so that seeding thousands of event grains stays cheap.
/// </summary>
public static class CatalogGenerator
{
    public const string Currency = "USD";

    private const int VenuesPerCity = 4;

    public static GeneratedCatalog Generate(int eventCount, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        var random = new Random(seed);
        // Ids carry the seed so two generated catalogs can live in one cluster side by side.
        var prefix = $"s{seed}";
        var venues = MakeVenues(random, prefix);
        var cast = Cast.Make(random, prefix, eventCount);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        var events = new List<GeneratedEvent>(eventCount);
        for (var i = 0; i < eventCount; i++)
        {
            // The famous head comes first so even a small catalog has Taylor Swift in it.
            var category = i < FamousArtists.Length ? "concert" : Pick(random, Categories, CategoryWeights);
            var definition = MakeEvent(random, category, i < FamousArtists.Length ? i : -1, venues, cast, today);
            events.Add(new GeneratedEvent($"{prefix}-e{i:D7}", definition));
        }
        return new GeneratedCatalog(venues.SelectMany(v => v).ToList(), cast.All, events);
    }

    /// <summary>Writes the catalog through the grains, as an admin would; re-running it skips events that exist.</summary>
    public static async Task SeedAsync(this GeneratedCatalog catalog, IGrainFactory grains, CancellationToken ct)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForEachAsync(catalog.Venues, parallel, async (venue, _) => await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue));
        await Parallel.ForEachAsync(catalog.Performers, parallel, async (performer, _) => await grains.GetGrain<IPerformerGrain>(performer.PerformerId).Save(performer));
        await Parallel.ForEachAsync(catalog.Events, parallel, async (generated, _) =>
        {
            var result = await grains.GetGrain<IEventGrain>(generated.EventId).Create(generated.Definition);
            if (result.Status is not (EventCommandStatus.Ok or EventCommandStatus.Conflict))
            {
                throw new InvalidOperationException($"Seeding event '{generated.EventId}' failed: {result.Status} {result.Field} {result.Error}");
            }
        });
    }

    private static List<Venue>[] MakeVenues(Random random, string prefix)
    {
        var byCity = new List<Venue>[Cities.Length];
        var serial = 0;
        for (var c = 0; c < Cities.Length; c++)
        {
            var city = Cities[c];
            byCity[c] = [];
            for (var kind = 0; kind < VenuesPerCity; kind++)
            {
                var (name, sections) = (VenueKind)kind switch
                {
                    VenueKind.Arena => ($"{city} Arena", new List<SectionDefinition>
                    {
                        SectionDefinition.GeneralAdmission("FLOOR", "Floor", Step(random, 600, 1200, 50)),
                        SectionDefinition.Seated("LOWER", "Lower tier", random.Next(15, 21), random.Next(30, 41)),
                        SectionDefinition.Seated("UPPER", "Upper tier", random.Next(10, 16), random.Next(25, 36)),
                    }),
                    VenueKind.Hall => ($"{city} {Of(random, VenueWords)}", new List<SectionDefinition>
                    {
                        SectionDefinition.GeneralAdmission("FLOOR", "Standing floor", Step(random, 400, 1200, 50)),
                        SectionDefinition.Seated("BALC", "Balcony", random.Next(6, 13), random.Next(20, 31)),
                    }),
                    VenueKind.Theatre => ($"{Of(random, LastNames)} Theatre", new List<SectionDefinition>
                    {
                        SectionDefinition.Seated("STALLS", "Stalls", random.Next(12, 21), random.Next(18, 29)),
                        SectionDefinition.Seated("CIRCLE", "Circle", random.Next(5, 10), random.Next(16, 25)),
                    }),
                    _ => ($"The {Of(random, Adjectives)} Room", new List<SectionDefinition>
                    {
                        SectionDefinition.GeneralAdmission("FLOOR", "Floor", Step(random, 200, 800, 50)),
                    }),
                };
                var address = $"{random.Next(1, 300)} {Of(random, Streets)} {Of(random, StreetKinds)}, {city}";
                byCity[c].Add(new Venue($"{prefix}-v{serial++:D3}", name, city, address, sections));
            }
        }
        return byCity;
    }

    private static EventDefinition MakeEvent(Random random, string category, int famous, List<Venue>[] venues, Cast cast, DateTimeOffset today)
    {
        var c = random.Next(Cities.Length);
        var city = Cities[c];
        var hour = category switch
        {
            "family" => random.Next(11, 17),
            "sports" => random.Next(14, 21),
            _ => random.Next(18, 22),
        };
        var startsAt = today.AddDays(random.Next(1, 731)).AddHours(hour).AddMinutes(random.Next(2) * 30);
        string name, description;
        Venue venue;
        List<Performer> performers;

        switch (category)
        {
            case "sports":
            {
                var home = cast.TeamIn(random, c);
                var away = cast.OpponentOf(random, home);
                venue = VenueOf(random, venues[c], VenueKind.Arena, VenueKind.Hall);
                performers = [home.Performer, away.Performer];
                name = $"{home.Performer.Name} vs {away.Performer.Name}";
                description = $"{Capitalise(home.Performer.Genre)} league match: {home.Performer.Name} host {away.Performer.Name} at {venue.Name}.";
                break;
            }
            case "theatre":
            {
                var company = Of(random, cast.Companies);
                venue = VenueOf(random, venues[c], VenueKind.Theatre);
                var play = Of(random, Plays);
                performers = [company];
                name = play;
                description = $"{company.Name} stages {play} at {venue.Name}, {city}. About two and a half hours with one interval.";
                break;
            }
            case "comedy":
            {
                var comedian = Of(random, cast.Comedians);
                venue = VenueOf(random, venues[c], VenueKind.Theatre, VenueKind.Club);
                var special = Of(random, ComedySpecials);
                performers = [comedian];
                name = $"{comedian.Name}: {special}";
                description = $"{comedian.Name} performs the new stand-up show {special} in {city}. Recommended for ages 16 and over.";
                break;
            }
            case "family":
            {
                var show = Of(random, cast.FamilyActs);
                venue = VenueOf(random, venues[c], VenueKind.Theatre, VenueKind.Hall);
                performers = [show];
                name = $"{show.Name} Live";
                description = $"{show.Name} comes to {city}: fun for the whole family. Shows last about 90 minutes.";
                break;
            }
            case "festival":
            {
                venue = VenueOf(random, venues[c], VenueKind.Arena, VenueKind.Hall);
                performers = cast.Lineup(random, random.Next(3, 6));
                name = $"{city} {Of(random, FestivalWords)} Festival";
                description = $"A day of live music in {city} with {string.Join(", ", performers.Select(p => p.Name))}. {Of(random, Blurbs)}";
                break;
            }
            default:
            {
                var headliner = famous >= 0 ? cast.Famous[famous] : cast.Headliner(random);
                venue = VenueOf(random, venues[c], VenueKind.Arena, VenueKind.Hall, VenueKind.Club);
                performers = [headliner];
                name = random.Next(3) switch
                {
                    0 => $"{headliner.Name}: {Of(random, Adjectives)} {Of(random, Nouns)} Tour",
                    1 => $"{headliner.Name} Live",
                    _ => $"{headliner.Name} in Concert",
                };
                if (random.Next(10) < 3)
                {
                    var support = cast.Headliner(random);
                    if (support.PerformerId != headliner.PerformerId) performers.Add(support);
                }
                var with = performers.Count > 1 ? $", with special guest {performers[1].Name}" : "";
                description = $"{headliner.Name} brings {headliner.Genre} to {venue.Name} in {city}{with}. {Of(random, Blurbs)}";
                break;
            }
        }

        var basePrice = category switch
        {
            "sports" => random.Next(25, 91),
            "theatre" => random.Next(30, 111),
            "comedy" => random.Next(20, 61),
            "family" => random.Next(15, 41),
            "festival" => random.Next(60, 151),
            _ => random.Next(45, 121),
        };
        var prices = venue.Sections
            .Select(s => new SectionPrice(s.SectionId, Math.Round(basePrice * SectionFactor(s.SectionId) * 2m, MidpointRounding.AwayFromZero) / 2m, Currency))
            .ToList();
        return new EventDefinition(name, description, category, startsAt, venue.VenueId, performers.Select(p => p.PerformerId).ToList(), prices);
    }

    private static decimal SectionFactor(string sectionId) => sectionId switch
    {
        "LOWER" or "STALLS" => 1.3m,
        "CIRCLE" or "BALC" => 0.9m,
        "UPPER" => 0.7m,
        _ => 1.0m,
    };

    private static Venue VenueOf(Random random, List<Venue> cityVenues, params VenueKind[] kinds) =>
        cityVenues[(int)kinds[random.Next(kinds.Length)]];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    internal static T Of<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static int Step(Random random, int min, int max, int step) => min + random.Next((max - min) / step + 1) * step;

    private static string Pick(Random random, string[] items, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0) return items[i];
        }
        return items[^1];
    }

    /// <summary>Index into a city's venue list: every city has one of each, in this order.</summary>
    private enum VenueKind
    {
        Arena = 0,
        Hall = 1,
        Theatre = 2,
        Club = 3,
    }
}
