using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The non-text part of a search: a start-time window and exact keywords. The window is checked on
/// the cached start times (<see cref="SegmentColumns"/>) rather than as a numeric range query, which
/// would expand to hundreds of terms and walk their postings on every search only to say "every
/// upcoming event"; keywords are postings, intersected. Nothing here scores.
/// </summary>
public sealed class EventFilter : Filter
{
    private readonly Term[] _keys;

    public EventFilter(long fromTicks, long toTicks, IEnumerable<Term> keys)
    {
        FromTicks = fromTicks;
        ToTicks = toTicks;
        _keys = [.. keys];
    }

    /// <summary>Inclusive.</summary>
    public long FromTicks { get; }

    /// <summary>Inclusive.</summary>
    public long ToTicks { get; }

    public bool HasKeys => _keys.Length > 0;

    /// <summary>Past events are hidden unless the caller asks for a start date (docs/api.md).</summary>
    public static EventFilter For(SearchQuery query, DateTimeOffset now)
    {
        var keys = new List<Term>(4);
        AddKey(keys, SearchFields.CityKey, query.City);
        AddKey(keys, SearchFields.CategoryKey, query.Category);
        AddKey(keys, SearchFields.PerformerKey, query.Performer);
        AddKey(keys, SearchFields.VenueKey, query.Venue);
        return new EventFilter((query.From ?? now).UtcTicks, query.To?.UtcTicks ?? long.MaxValue, keys);
    }

    public bool InWindow(long ticks) => ticks >= FromTicks && ticks <= ToTicks;

    /// <summary>The accepted documents holding every keyword; null when there are no keywords (all pass).</summary>
    public FixedBitSet? KeywordDocs(AtomicReader reader, IBits? acceptDocs)
    {
        if (_keys.Length == 0) return null;
        var bits = new FixedBitSet(reader.MaxDoc);
        for (var k = 0; k < _keys.Length; k++)
        {
            var docs = Docs(reader, _keys[k], acceptDocs);
            if (docs is null)
            {
                bits.Clear(0, bits.Length);
                return bits;
            }
            if (k == 0) bits.Or(docs);
            else bits.And(docs);
        }
        return bits;
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var starts = SegmentColumns.For(reader).Starts;
        var keyed = KeywordDocs(reader, acceptDocs);
        if (keyed is null) return new WindowDocIdSet(this, starts, acceptDocs);

        for (var doc = keyed.NextSetBit(0); doc >= 0; doc = doc + 1 < keyed.Length ? keyed.NextSetBit(doc + 1) : -1)
        {
            if (!InWindow(starts[doc])) keyed.Clear(doc);
        }
        return keyed;
    }

    private static DocsEnum? Docs(AtomicReader reader, Term key, IBits? acceptDocs)
    {
        var terms = reader.GetTerms(key.Field);
        if (terms is null) return null;
        var termsEnum = terms.GetEnumerator();
        return termsEnum.SeekExact(key.Bytes) ? termsEnum.Docs(acceptDocs, null, DocsFlags.NONE) : null;
    }

    private static void AddKey(List<Term> keys, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        keys.Add(new Term(field, SearchFields.Key(value)));
    }

    /// <summary>Random access for a text query (only its matches are asked), and a scan for a query without text.</summary>
    private sealed class WindowDocIdSet(EventFilter filter, long[] starts, IBits? acceptDocs) : DocIdSet
    {
        public override IBits Bits => new WindowBits(filter, starts, acceptDocs);

        public override DocIdSetIterator GetIterator() => new WindowIterator(filter, starts, acceptDocs);
    }

    private sealed class WindowBits(EventFilter filter, long[] starts, IBits? acceptDocs) : IBits
    {
        public int Length => starts.Length;

        public bool Get(int index) => filter.InWindow(starts[index]) && (acceptDocs is null || acceptDocs.Get(index));
    }

    private sealed class WindowIterator(EventFilter filter, long[] starts, IBits? acceptDocs) : DocIdSetIterator
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            for (var doc = target; doc < starts.Length; doc++)
            {
                if (filter.InWindow(starts[doc]) && (acceptDocs is null || acceptDocs.Get(doc))) return _doc = doc;
            }
            return _doc = NO_MORE_DOCS;
        }

        public override long GetCost() => starts.Length;
    }
}
