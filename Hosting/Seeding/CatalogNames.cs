namespace TicketMaster.Hosting.Seeding;

/// <summary>The word lists the generator draws from; the head of <see cref="FamousArtists"/> is always in the catalog, so demos can search for it.</summary>
internal static class CatalogNames
{
    public static readonly string[] Categories = ["concert", "sports", "theatre", "comedy", "family", "festival"];

    /// <summary>Share of events per category, in the order of <see cref="Categories"/>.</summary>
    public static readonly int[] CategoryWeights = [45, 15, 15, 10, 8, 7];

    public static readonly string[] Cities =
    [
        "New York", "Los Angeles", "Chicago", "Austin", "Nashville", "Toronto", "Montreal", "Mexico City",
        "São Paulo", "Buenos Aires", "London", "Manchester", "Glasgow", "Dublin", "Paris", "Lyon",
        "Berlin", "Munich", "Hamburg", "Amsterdam", "Brussels", "Madrid", "Barcelona", "Lisbon",
        "Rome", "Milan", "Vienna", "Zurich", "Prague", "Warsaw", "Stockholm", "Copenhagen",
        "Oslo", "Helsinki", "Tokyo", "Seoul", "Singapore", "Sydney", "Melbourne", "Cape Town",
    ];

    /// <summary>(name, genre): real names for the demo's typo search, the rest invented.</summary>
    public static readonly (string Name, string Genre)[] FamousArtists =
    [
        ("Taylor Swift", "pop"), ("Metallica", "metal"), ("Coldplay", "rock"), ("Beyoncé", "pop"),
        ("Ed Sheeran", "pop"), ("Foo Fighters", "rock"), ("Adele", "pop"), ("Kendrick Lamar", "hip-hop"),
        ("Billie Eilish", "pop"), ("Iron Maiden", "metal"), ("Norah Jones", "jazz"), ("Dolly Parton", "country"),
        ("The Midnight Lanterns", "indie"), ("Aurora Vale", "pop"), ("Copper Canyon", "country"), ("Neon Harbor", "electronic"),
        ("The Paper Kites Revival", "folk"), ("Saint Orchid", "r&b"), ("Velvet Thunder", "rock"), ("Luna Okafor", "jazz"),
        ("Marcus Delgado Trio", "jazz"), ("The Hollow Pines", "indie"), ("Rosa Lindqvist", "classical"), ("Kid Meridian", "hip-hop"),
    ];

    public static readonly string[] MusicGenres = ["pop", "rock", "indie", "metal", "jazz", "hip-hop", "electronic", "country", "folk", "r&b", "classical", "punk"];

    public static readonly string[] FirstNames =
    [
        "Ava", "Liam", "Maya", "Noah", "Zara", "Elias", "Ines", "Mateo", "Freya", "Jonas", "Amara", "Felix",
        "Clara", "Hugo", "Leila", "Oscar", "Sofia", "Ravi", "Nina", "Theo", "Yuki", "Marco", "Elena", "Samir",
        "Greta", "Diego", "Hana", "Lucas", "Mila", "Omar", "Priya", "Tobias", "Vera", "Kofi", "Ingrid", "Pablo",
    ];

    public static readonly string[] LastNames =
    [
        "Hart", "Moreau", "Sato", "Okafor", "Lindqvist", "Reyes", "Novak", "Brennan", "Castillo", "Fischer",
        "Kowalski", "Ahmed", "Rossi", "Larsen", "Chen", "Dubois", "Mendes", "Kaur", "Walsh", "Horvath",
        "Silva", "Park", "Jansen", "Bauer", "Quinn", "Alvarez", "Nakamura", "Byrne", "Costa", "Weber",
    ];

    public static readonly string[] Adjectives =
    [
        "Electric", "Silver", "Midnight", "Golden", "Velvet", "Wild", "Crimson", "Hollow", "Neon", "Broken",
        "Lucky", "Paper", "Northern", "Restless", "Burning", "Quiet", "Violet", "Iron", "Lonely", "Cosmic",
        "Rusty", "Frozen", "Sunny", "Savage", "Gentle", "Distant", "Shining", "Secret", "Stormy", "Radiant",
    ];

    public static readonly string[] Nouns =
    [
        "Wolves", "Echoes", "Hearts", "Rivers", "Foxes", "Saints", "Ghosts", "Lanterns", "Tides", "Comets",
        "Ravens", "Horses", "Mirrors", "Dreamers", "Pilots", "Owls", "Strangers", "Engines", "Sparrows", "Giants",
        "Shadows", "Kings", "Sirens", "Drifters", "Bandits", "Machines", "Orchards", "Signals", "Roses", "Thieves",
    ];

    public static readonly string[] Sports = ["basketball", "ice hockey", "football", "volleyball", "handball"];

    public static readonly string[] Mascots =
    [
        "Bears", "Eagles", "Falcons", "Lions", "Sharks", "Titans", "Vikings", "Wolves", "Rangers", "Comets",
        "Hornets", "Knights", "Pirates", "Storm", "Thunder", "Giants", "Dragons", "Panthers", "Rockets", "Royals",
    ];

    public static readonly string[] Plays =
    [
        "Hamlet", "Macbeth", "A Midsummer Night's Dream", "The Seagull", "Twelfth Night", "The Cherry Orchard",
        "A Doll's House", "The Importance of Being Earnest", "Uncle Vanya", "The Tempest", "Cyrano de Bergerac",
        "The Lighthouse Keeper", "Salt and Honey", "The Last Tram Home", "Glass Houses", "The Night Ferry",
    ];

    public static readonly string[] ComedySpecials =
    [
        "Overthinking It", "No Notes", "Mostly Harmless", "Tell Me Everything", "Unfinished Business", "Small Talk",
        "Out of Office", "Second Opinion", "Plot Twist", "Work in Progress", "Bad Influence", "Good Grief",
    ];

    public static readonly string[] FamilyShows =
    [
        "Circus Lumina", "The Great Bubble Show", "Dinosaur Discovery Live", "Magic Castle Adventures", "The Puppet Parade",
        "Ocean Friends on Ice", "Space Explorers Live", "The Enchanted Forest", "Robot Rumble", "Fairy Tale Express",
    ];

    public static readonly string[] FestivalWords = ["Summer Sounds", "Open Air", "Jazz", "Indie", "Electronic", "Folk", "Rock", "Harbour Lights", "Winter Beats", "Riverside"];

    public static readonly string[] Blurbs =
    [
        "An unforgettable night of live music.", "Doors open an hour before the show.", "Expect the hits and a few surprises.",
        "A show fans have waited years for.", "Limited tickets available.", "All ages welcome.",
        "Food and drinks are available inside the venue.", "The evening ends with a special encore.",
    ];

    public static readonly string[] Streets = ["Market", "Harbour", "King", "Station", "Park", "Mill", "Church", "River", "Castle", "Garden", "Bridge", "Victoria"];

    public static readonly string[] StreetKinds = ["Street", "Road", "Avenue", "Square", "Lane", "Boulevard"];

    public static readonly string[] VenueWords = ["Palladium", "Roundhouse", "Lyric", "Forum", "Apollo", "Paradiso", "Electric Ballroom", "Orpheum", "Majestic", "Corn Exchange"];
}
