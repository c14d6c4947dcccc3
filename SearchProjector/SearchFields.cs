using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>How a <see cref="SearchDocument"/> is laid out in Lucene, and read back.</summary>
public static class SearchFields
{
    /// <summary>The event id as an exact term: the key updates replace by.</summary>
    public const string Id = "id";
    public const string IdSort = "id_sort";
    public const string Version = "version";

    /// <summary>Everything a person might type: name, performers, venue, city, category, description.</summary>
    public const string Text = "text";

    /// <summary>Name and performers only: a match here ranks above one in the description.</summary>
    public const string Title = "title";

    public const string CityKey = "city_key";
    public const string CategoryKey = "category_key";
    public const string PerformerKey = "performer_key";
    public const string VenueKey = "venue_key";

    public const string StartsAt = "starts";
    public const string StartsAtSort = "starts_sort";
    public const string CityFacet = "city_facet";
    public const string CategoryFacet = "category_facet";

    private const string Name = "name";
    private const string Description = "description";
    private const string Category = "category";
    private const string Performer = "performer";
    private const string PerformerId = "performer_id";
    private const string VenueId = "venue_id";
    private const string Venue = "venue";
    private const string City = "city";
    private const string MinPrice = "min_price";
    private const string Currency = "currency";
    private const string Availability = "availability";

    /// <summary>
    /// Typed words, tokenized and scored, without positions: no query here asks where a word stands (no
    /// phrases), and positions were about a third of the index.
    /// </summary>
    private static readonly FieldType Words = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public static string Key(string value) => value.Trim().ToLowerInvariant();

    public static Document ToLucene(SearchDocument source)
    {
        var ticks = source.StartsAt.UtcTicks;
        var doc = new Document
        {
            new StringField(Id, source.EventId, Field.Store.YES),
            new SortedDocValuesField(IdSort, new BytesRef(source.EventId)),
            new NumericDocValuesField(Version, source.Version),
            new StoredField(Version, source.Version),
            new Field(Text, string.Join(' ', [source.Name, .. source.Performers, source.Venue, source.City, source.Category, source.Description]), Words),
            new Field(Title, string.Join(' ', [source.Name, .. source.Performers]), Words),
            new StringField(CityKey, Key(source.City), Field.Store.NO),
            new StringField(CategoryKey, Key(source.Category), Field.Store.NO),
            new StringField(VenueKey, Key(source.Venue), Field.Store.NO),
            new StringField(VenueKey, Key(source.VenueId), Field.Store.NO),
            new Int64Field(StartsAt, ticks, Field.Store.YES),
            new NumericDocValuesField(StartsAtSort, ticks),
            new SortedDocValuesField(CityFacet, new BytesRef(source.City)),
            new SortedDocValuesField(CategoryFacet, new BytesRef(source.Category)),
            new StoredField(Name, source.Name),
            new StoredField(Description, source.Description),
            new StoredField(Category, source.Category),
            new StoredField(VenueId, source.VenueId),
            new StoredField(Venue, source.Venue),
            new StoredField(City, source.City),
            new StoredField(MinPrice, source.MinPrice.ToString(CultureInfo.InvariantCulture)),
            new StoredField(Currency, source.Currency),
            new StoredField(Availability, source.Availability),
        };
        foreach (var performer in source.Performers)
        {
            doc.Add(new StoredField(Performer, performer));
            doc.Add(new StringField(PerformerKey, Key(performer), Field.Store.NO));
        }
        foreach (var performerId in source.PerformerIds)
        {
            doc.Add(new StoredField(PerformerId, performerId));
            doc.Add(new StringField(PerformerKey, Key(performerId), Field.Store.NO));
        }
        return doc;
    }

    public static SearchDocument FromLucene(Document doc) => new(
        doc.Get(Id, CultureInfo.InvariantCulture),
        doc.GetField(Version).GetInt64Value() ?? 0,
        doc.Get(Name, CultureInfo.InvariantCulture),
        doc.Get(Description, CultureInfo.InvariantCulture),
        doc.Get(Category, CultureInfo.InvariantCulture),
        new DateTimeOffset(doc.GetField(StartsAt).GetInt64Value() ?? 0, TimeSpan.Zero),
        doc.GetValues(Performer, CultureInfo.InvariantCulture),
        doc.Get(VenueId, CultureInfo.InvariantCulture),
        doc.Get(Venue, CultureInfo.InvariantCulture),
        doc.Get(City, CultureInfo.InvariantCulture),
        decimal.Parse(doc.Get(MinPrice, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        doc.Get(Currency, CultureInfo.InvariantCulture),
        doc.Get(Availability, CultureInfo.InvariantCulture),
        doc.GetValues(PerformerId, CultureInfo.InvariantCulture));
}
