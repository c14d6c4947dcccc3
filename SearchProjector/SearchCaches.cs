using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.SearchProjector;

/// <summary>
/// Every cache of one Lucene index and every bound on them (docs/search.md has the table: what each keeps, its key, how
/// long it lives, and the figure that earned it). Two kinds:
/// <list type="bullet">
/// <item>What is computed from one segment: its columns (<see cref="SegmentColumns"/>), its prebuilt term sets
/// (<see cref="PrebuiltTermSets"/>), its vocabularies (<see cref="SegmentVocabulary"/>) and its live documents by rank.
/// A segment never changes once written, so these hold for its whole life and go when Lucene closes its core.</item>
/// <item>What searches ask for again: the matches of words and keywords (<see cref="MatchCache"/>), the alternatives
/// of typed words for the current reader (<see cref="WordExpansion"/>), and decoded documents (<see cref="DocumentCache"/>).</item>
/// </list>
/// One bound, <see cref="MatchCacheBytes"/> (<c>Search:MatchCacheBytes</c>), covers everything but the documents: the
/// segments' data and the words' alternatives are counted in it first, and the matches get what is left, least recently
/// used out. The documents have their own (<c>Search:DocumentCacheBytes</c>). The request cache sits in front of either
/// engine and has its own too (<see cref="SearchRequestCache"/>, <c>Search:RequestCache:MaxBytes</c>).
/// </summary>
public sealed class SearchCaches : SegmentReader.ICoreDisposedListener
{
    /// <summary>The default bound of <see cref="MatchCacheBytes"/>: 245 MB of matches held at the end of 4,000 searches over 1,000,000 events.</summary>
    public const long DefaultMatchCacheBytes = 256L * 1024 * 1024;

    /// <summary>The default bound of the decoded documents.</summary>
    public const long DefaultDocumentCacheBytes = 32L * 1024 * 1024;

    /// <summary>From how many documents of a segment a word's set is built when the segment opens; a rarer word decodes in microseconds at its first search.</summary>
    public const int PrebuiltFromDocs = 128;

    /// <summary>Words per field and segment kept for scanning: at most about 3 MB; scanning them all costs about what the automaton does.</summary>
    public const int MaxVocabularyWords = 65_536;

    /// <summary>Typed words whose alternatives are kept for one reader before starting over: bounds memory against a flood of random text.</summary>
    public const int MaxExpandedWords = 20_000;

    private readonly ConcurrentDictionary<object, Segment> _segments = new();
    private long _segmentBytes;
    private ReaderWords _words = new(null, long.MinValue);

    /// <param name="matchCacheBytes">Bytes for everything but the documents: segments' data and words' alternatives first, matches in what is left.</param>
    /// <param name="documentCacheBytes">Bytes of decoded documents.</param>
    public SearchCaches(long matchCacheBytes = DefaultMatchCacheBytes, long documentCacheBytes = DefaultDocumentCacheBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(matchCacheBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(documentCacheBytes);
        MatchCacheBytes = matchCacheBytes;
        Matches = new MatchCache(() => Math.Max(0, MatchCacheBytes - SegmentBytes - ExpansionBytes));
        Documents = new DocumentCache(() => documentCacheBytes);
    }

    public long MatchCacheBytes { get; }

    public MatchCache Matches { get; }

    public DocumentCache Documents { get; }

    /// <summary>Bytes of the open segments' columns, prebuilt sets, vocabularies and live documents.</summary>
    public long SegmentBytes => Interlocked.Read(ref _segmentBytes);

    /// <summary>Bytes of the current reader's typed words and their alternatives.</summary>
    public long ExpansionBytes => Volatile.Read(ref _words).Bytes;

    /// <summary>Everything held now, documents included.</summary>
    public long Bytes => SegmentBytes + ExpansionBytes + Matches.Bytes + Documents.Bytes;

    public SegmentColumns Columns(AtomicReader segment) => Of(segment).Columns(segment);

    /// <summary>The segment's prebuilt term sets, built at the first call (the index's warmer makes that the segment's opening).</summary>
    public PrebuiltTermSets Prebuilt(AtomicReader segment) => Of(segment).Prebuilt(segment);

    /// <summary>Whether the segment's prebuilt sets are built already.</summary>
    public bool IsWarm(AtomicReader segment) => _segments.TryGetValue(segment.CoreCacheKey, out var held) && held.IsWarm;

    /// <summary>The field's words in the segment, or null when there are more than <see cref="MaxVocabularyWords"/> to scan.</summary>
    public SegmentVocabulary? Vocabulary(AtomicReader segment, string field) => Of(segment).Vocabulary(segment, field);

    /// <summary>The segment's live documents by rank for the reader's deletes (null: none deleted); kept for the latest deletes asked about.</summary>
    public ulong[]? LiveByRank(AtomicReader segment) => Of(segment).LiveByRank(segment);

    /// <summary>
    /// The typed word's alternatives in <paramref name="reader"/>, from <paramref name="expand"/> at the first ask. Kept for
    /// the newest reader asked about, at most <see cref="MaxExpandedWords"/> words; an older one, still finishing its
    /// searches after a refresh, is answered without keeping.
    /// </summary>
    public WordExpansion Expansion(IndexReader reader, string word, Func<WordExpansion> expand)
    {
        var held = Volatile.Read(ref _words);
        if (!ReferenceEquals(held.Reader, reader))
        {
            var version = (reader as DirectoryReader)?.Version ?? 0;
            if (version < held.Version) return expand();
            var fresh = new ReaderWords(reader, version);
            held = Interlocked.CompareExchange(ref _words, fresh, held) == held ? fresh : Volatile.Read(ref _words);
            if (!ReferenceEquals(held.Reader, reader)) return expand();
        }
        return held.GetOrAdd(word, expand);
    }

    /// <summary>Lucene closed a segment's core (merged away, or the index closed): what was computed from it goes.</summary>
    void SegmentReader.ICoreDisposedListener.OnDispose(object ownerCoreCacheKey)
    {
        if (_segments.TryRemove(ownerCoreCacheKey, out var gone)) Interlocked.Add(ref _segmentBytes, -gone.Bytes);
    }

    private Segment Of(AtomicReader segment)
    {
        var core = segment.CoreCacheKey;
        if (_segments.TryGetValue(core, out var held)) return held;
        var added = _segments.GetOrAdd(core, _ => new Segment(this));
        // Once per core: the listener set of a core keeps one copy of this.
        if (segment is SegmentReader reader) reader.AddCoreDisposedListener(this);
        return added;
    }

    private void Counted(long bytes) => Interlocked.Add(ref _segmentBytes, bytes);

    /// <summary>What is computed from one segment core. Built from the reader a call brings, never one held here: a reader may close while its core lives on.</summary>
    private sealed class Segment(SearchCaches owner)
    {
        private readonly Lock _columnsLock = new();
        private readonly Lock _prebuiltLock = new();
        private readonly ConcurrentDictionary<string, SegmentVocabulary?> _vocabularies = new(StringComparer.Ordinal);
        private SegmentColumns? _columns;
        private PrebuiltTermSets? _prebuilt;
        private LiveRanks? _live;
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public bool IsWarm => Volatile.Read(ref _prebuilt) is not null;

        public SegmentColumns Columns(AtomicReader segment)
        {
            if (Volatile.Read(ref _columns) is { } columns) return columns;
            lock (_columnsLock)
            {
                if (_columns is null)
                {
                    var built = new SegmentColumns(segment);
                    Count(built.Bytes);
                    Volatile.Write(ref _columns, built);
                }
                return _columns;
            }
        }

        public PrebuiltTermSets Prebuilt(AtomicReader segment)
        {
            if (Volatile.Read(ref _prebuilt) is { } prebuilt) return prebuilt;
            var columns = Columns(segment);
            lock (_prebuiltLock)
            {
                if (_prebuilt is null)
                {
                    var built = new PrebuiltTermSets(segment, columns);
                    Count(built.Bytes);
                    Volatile.Write(ref _prebuilt, built);
                }
                return _prebuilt;
            }
        }

        public SegmentVocabulary? Vocabulary(AtomicReader segment, string field)
        {
            if (_vocabularies.TryGetValue(field, out var vocabulary)) return vocabulary;
            vocabulary = SegmentVocabulary.Read(segment, field);
            if (_vocabularies.TryAdd(field, vocabulary)) Count(vocabulary?.Bytes ?? 0);
            return _vocabularies[field];
        }

        public ulong[]? LiveByRank(AtomicReader segment)
        {
            if (segment.LiveDocs is not { } liveDocs) return null;
            if (Volatile.Read(ref _live) is { } held && ReferenceEquals(held.LiveDocs, liveDocs)) return held.Ranks;
            var ranks = Columns(segment).LiveByRank(liveDocs);
            // The same size for every set of deletes: counted once.
            if (Interlocked.Exchange(ref _live, new LiveRanks(liveDocs, ranks)) is null) Count(ranks.Length * 8L);
            return ranks;
        }

        private void Count(long bytes)
        {
            Interlocked.Add(ref _bytes, bytes);
            owner.Counted(bytes);
        }

        /// <summary>The live documents of one set of deletes (a reader's live docs object), by rank.</summary>
        private sealed record LiveRanks(IBits LiveDocs, ulong[] Ranks);
    }

    /// <summary>The typed words of one reader and their alternatives.</summary>
    private sealed class ReaderWords(IndexReader? reader, long version)
    {
        private readonly ConcurrentDictionary<string, WordExpansion> _words = new(StringComparer.Ordinal);
        private long _bytes;

        public IndexReader? Reader => reader;

        public long Version => version;

        public long Bytes => Interlocked.Read(ref _bytes);

        public WordExpansion GetOrAdd(string word, Func<WordExpansion> expand)
        {
            if (_words.TryGetValue(word, out var expansion)) return expansion;
            if (_words.Count >= MaxExpandedWords)
            {
                _words.Clear();
                Interlocked.Exchange(ref _bytes, 0);
            }
            expansion = expand();
            if (_words.TryAdd(word, expansion)) Interlocked.Add(ref _bytes, expansion.EstimatedBytes);
            return expansion;
        }
    }
}
