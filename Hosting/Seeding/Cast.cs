using TicketMaster.Catalog;
using static TicketMaster.Hosting.Seeding.CatalogNames;

namespace TicketMaster.Hosting.Seeding;

/// <summary>Everyone who can appear in a generated catalog, grouped by the kind of event they appear at.</summary>
internal sealed class Cast
{
    private const int SportsPerCity = 3;

    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _prefix;

    private Cast(string prefix) => _prefix = prefix;

    public List<Performer> All { get; } = [];

    public List<Performer> Famous { get; } = [];

    public List<Performer> Musicians { get; } = [];

    public List<Performer> Comedians { get; } = [];

    public List<Performer> Companies { get; } = [];

    public List<Performer> FamilyActs { get; } = [];

    private List<SportsTeam>[] TeamsByCity { get; } = new List<SportsTeam>[Cities.Length];

    private Dictionary<string, List<SportsTeam>> TeamsBySport { get; } = [];

    /// <summary>Grows with the catalog (about one performer per ten events) so big catalogs do not repeat a few names.</summary>
    public static Cast Make(Random random, string prefix, int eventCount)
    {
        var cast = new Cast(prefix);
        foreach (var (name, genre) in FamousArtists) cast.Famous.Add(cast.Add(name, genre));

        var extra = Math.Clamp(eventCount / 10, 60, 20_000);
        for (var i = 0; i < extra * 60 / 100; i++) cast.Musicians.Add(cast.Add(cast.MusicianName(random), Of(random, MusicGenres)));
        for (var i = 0; i < extra * 15 / 100; i++) cast.Comedians.Add(cast.Add(cast.Unique(random, r => $"{Of(r, FirstNames)} {Of(r, LastNames)}"), "stand-up"));
        for (var i = 0; i < extra * 12 / 100; i++) cast.Companies.Add(cast.Add(cast.CompanyName(random), "theatre"));
        foreach (var show in FamilyShows) cast.FamilyActs.Add(cast.Add(cast.Unique(random, _ => show), "family"));
        for (var i = FamilyShows.Length; i < extra * 13 / 100; i++) cast.FamilyActs.Add(cast.Add(cast.Unique(random, r => $"The {Of(r, Adjectives)} {Of(r, Nouns)} Circus"), "family"));

        for (var c = 0; c < Cities.Length; c++)
        {
            cast.TeamsByCity[c] = [];
            for (var k = 0; k < SportsPerCity; k++)
            {
                // Rotating through the sports gives every sport many cities, so every team has opponents.
                var sport = Sports[(c + k) % Sports.Length];
                var team = new SportsTeam(cast.Add(cast.Unique(random, r => $"{Cities[c]} {Of(r, Mascots)}"), sport), c);
                cast.TeamsByCity[c].Add(team);
                if (!cast.TeamsBySport.TryGetValue(sport, out var teams)) cast.TeamsBySport[sport] = teams = [];
                teams.Add(team);
            }
        }
        return cast;
    }

    /// <summary>A fifth of the concerts go to the famous head: they tour more.</summary>
    public Performer Headliner(Random random) =>
        random.Next(5) == 0 || Musicians.Count == 0 ? Of(random, Famous) : Of(random, Musicians);

    public List<Performer> Lineup(Random random, int size)
    {
        var lineup = new List<Performer>(size);
        while (lineup.Count < size)
        {
            var performer = Headliner(random);
            if (!lineup.Contains(performer)) lineup.Add(performer);
        }
        return lineup;
    }

    public SportsTeam TeamIn(Random random, int city) => Of(random, TeamsByCity[city]);

    public SportsTeam OpponentOf(Random random, SportsTeam home)
    {
        var rivals = TeamsBySport[home.Performer.Genre];
        while (true)
        {
            var away = Of(random, rivals);
            if (away.City != home.City) return away;
        }
    }

    private static T Of<T>(Random random, IReadOnlyList<T> items) => CatalogGenerator.Of(random, items);

    private Performer Add(string name, string genre)
    {
        _names.Add(name);
        var performer = new Performer($"{_prefix}-p{All.Count:D6}", name, genre);
        All.Add(performer);
        return performer;
    }

    private string MusicianName(Random random) => Unique(random, r => r.Next(5) switch
    {
        0 => $"{Of(r, FirstNames)} {Of(r, LastNames)}",
        1 => $"The {Of(r, Adjectives)} {Of(r, Nouns)}",
        2 => $"{Of(r, Adjectives)} {Of(r, Nouns)}",
        3 => $"{Of(r, LastNames)} and the {Of(r, Nouns)}",
        _ => $"DJ {Of(r, Adjectives)} {Of(r, LastNames)}",
    });

    private string CompanyName(Random random) => Unique(random, r => r.Next(3) switch
    {
        0 => $"{Of(r, Cities)} Repertory Theatre",
        1 => $"The {Of(r, Adjectives)} Players",
        _ => $"{Of(r, LastNames)} Theatre Company",
    });

    /// <summary>Names repeat once the word lists run out; a number keeps them apart, as real acts do ("... II").</summary>
    private string Unique(Random random, Func<Random, string> make)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var name = make(random);
            if (_names.Add(name)) return name;
        }
        var numbered = make(random);
        for (var n = 2; ; n++)
        {
            if (_names.Add($"{numbered} {n}")) return $"{numbered} {n}";
        }
    }
}
