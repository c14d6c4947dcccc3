using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// The event's availability: a stored field as of the last full write, and a binary doc value that an availability-only
    /// change updates in place (<see cref="AvailabilityTable"/> is what searches show; this is what a restart reads back).
    /// </summary>
    public const string Availability = "availability";

    /// <summary>The <see cref="Content"/> fingerprint, as a doc value, so a restarted index still tells availability-only changes apart.</summary>
    public const string ContentKey = "content";

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
            new NumericDocValuesField(ContentKey, Content(source)),
            new BinaryDocValuesField(Availability, new BytesRef(source.Availability)),
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

    /// <summary>
    /// A fingerprint of everything of the event that a search matches, orders, counts or shows, but its availability and
    /// version: equal fingerprints mean a new version changed availability alone, which keeps every cached answer. SHA-256
    /// (truncated to 64 bits) rather than string.GetHashCode: it is stored, so it must be the same in every process.
    /// </summary>
    public static long Content(SearchDocument source)
    {
        var text = new StringBuilder(256);
        foreach (var value in (string[])[source.Name, source.Description, source.Category, source.VenueId, source.Venue, source.City,
            source.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture), source.MinPrice.ToString(CultureInfo.InvariantCulture), source.Currency])
        {
            Add(text, value);
        }
        foreach (var list in (IReadOnlyList<string>[])[source.Performers, source.PerformerIds])
        {
            Add(text, list.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var value in list) Add(text, value);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);

        // Length-prefixed, so no two different field lists read the same.
        static void Add(StringBuilder text, string value) => text.Append(value.Length).Append(':').Append(value);
    }

    /// <summary>
    /// The stored event <paramref name="doc"/> of <paramref name="reader"/>, read straight into a <see cref="SearchDocument"/>:
    /// Lucene's own <see cref="Document"/> would first make an object per stored value, and a page's documents are most
    /// of what a search allocates.
    /// </summary>
    public static SearchDocument FromLucene(IndexReader reader, int doc)
    {
        var stored = new StoredDocument();
        reader.Document(doc, stored);
        return stored.Result();
    }

    private sealed class StoredDocument : StoredFieldVisitor
    {
        private readonly List<string> _performers = [];
        private readonly List<string> _performerIds = [];
        private string? _id, _name, _description, _category, _venueId, _venue, _city, _minPrice, _currency, _availability;
        private long _version, _startsAt;

        public override Status NeedsField(FieldInfo fieldInfo) => Status.YES;

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case Id: _id ??= value; break;
                case Name: _name ??= value; break;
                case Description: _description ??= value; break;
                case Category: _category ??= value; break;
                case VenueId: _venueId ??= value; break;
                case Venue: _venue ??= value; break;
                case City: _city ??= value; break;
                case MinPrice: _minPrice ??= value; break;
                case Currency: _currency ??= value; break;
                case Availability: _availability ??= value; break;
                case Performer: _performers.Add(value); break;
                case PerformerId: _performerIds.Add(value); break;
            }
        }

        public override void Int64Field(FieldInfo fieldInfo, long value)
        {
            if (fieldInfo.Name == Version) _version = value;
            else if (fieldInfo.Name == StartsAt) _startsAt = value;
        }

        public SearchDocument Result() => new(
            _id!,
            _version,
            _name!,
            _description!,
            _category!,
            new DateTimeOffset(_startsAt, TimeSpan.Zero),
            _performers.ToArray(),
            _venueId!,
            _venue!,
            _city!,
            decimal.Parse(_minPrice!, CultureInfo.InvariantCulture),
            _currency!,
            _availability!,
            _performerIds.ToArray());
    }
}
