using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector;

/// <summary>
/// The writing side of the Lucene index: its one <see cref="IndexWriter"/>, what it holds of each event (the version, in
/// the <see cref="AvailabilityTable"/>, and a fingerprint of everything but availability), and the catalog shards'
/// checkpoints, which ride in the same commit as the documents they cover. An index on disk resumes from its last commit.
/// </summary>
public sealed class EventWriter : IDisposable
{
    private const string CheckpointPrefix = "checkpoint.";

    private readonly IndexWriter _writer;
    private readonly AvailabilityTable _availability;
    private readonly Lock _lock = new();

    /// <summary>
    /// The <see cref="SearchFields.Content"/> fingerprint held per event: what tells an availability-only change apart
    /// without a search per write. The version held per event is the availability table's, which makes applying idempotent.
    /// </summary>
    private readonly Dictionary<string, long> _contents = new(StringComparer.Ordinal);
    private readonly long[] _checkpoints = new long[CatalogShards.Count];

    /// <param name="warmer">Builds a merged segment's columns and sets on the merge's thread.</param>
    public EventWriter(Lucene.Net.Store.Directory directory, Analyzer analyzer, SegmentWarmer warmer, AvailabilityTable availability)
    {
        _availability = availability;
        var current = !DirectoryReader.IndexExists(directory) || HasAvailabilityColumn(directory);
        _writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer)
        {
            OpenMode = current ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            MergedSegmentWarmer = warmer,
        });
        if (!current)
        {
            // An empty commit replaces an index of the older layout at once, checkpoints too (a new writer keeps them), so nothing below reads it back.
            _writer.SetCommitData(new Dictionary<string, string>());
            _writer.Commit();
        }
        Load(directory);
    }

    /// <summary>What applying a document changed.</summary>
    public enum Change
    {
        /// <summary>Nothing: the index holds the event at that version or a newer one.</summary>
        None,

        /// <summary>Availability alone, in place: no match, order or facet reads it, so the reader need not reopen.</summary>
        Availability,

        /// <summary>The document: the next reader must show it.</summary>
        Document,
    }

    /// <summary>The writer a near-real-time reader opens from.</summary>
    public IndexWriter Writer => _writer;

    public int Count
    {
        get
        {
            lock (_lock) return _contents.Count;
        }
    }

    public Change Apply(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_lock)
        {
            var held = _availability.VersionOf(document.EventId);
            if (held >= document.Version) return Change.None;

            var content = SearchFields.Content(document);
            var id = new Term(SearchFields.Id, document.EventId);
            var change = Change.Document;
            if (held is not null && _contents[document.EventId] == content)
            {
                // Availability alone: in place, for the next commit and a restart; searches read it from the table.
                _writer.UpdateNumericDocValue(id, SearchFields.Version, document.Version);
                _writer.UpdateBinaryDocValue(id, SearchFields.Availability, new Lucene.Net.Util.BytesRef(document.Availability));
                change = Change.Availability;
            }
            else
            {
                var doc = SearchFields.ToLucene(document);
                if (held is null) _writer.AddDocument(doc);
                else _writer.UpdateDocument(id, doc);
                _contents[document.EventId] = content;
            }
            _availability.Set(document.EventId, document.Version, document.Availability);
            return change;
        }
    }

    public long GetCheckpoint(int shard)
    {
        lock (_lock) return _checkpoints[shard];
    }

    public void AdvanceCheckpoint(int shard, long sequence)
    {
        lock (_lock) _checkpoints[shard] = Math.Max(_checkpoints[shard], sequence);
    }

    public void Commit()
    {
        lock (_lock)
        {
            // The checkpoints ride in the same commit as the documents they cover, so a restart never skips a change.
            _writer.SetCommitData(Enumerable.Range(0, _checkpoints.Length)
                .ToDictionary(s => CheckpointPrefix + s, s => _checkpoints[s].ToString(CultureInfo.InvariantCulture)));
            _writer.Commit();
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>An index on disk resumes where its last commit left off: versions, fingerprints and availability from doc values, checkpoints from the commit.</summary>
    private void Load(Lucene.Net.Store.Directory directory)
    {
        if (!DirectoryReader.IndexExists(directory)) return;
        using var reader = DirectoryReader.Open(directory);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            var ids = atomic.GetSortedDocValues(SearchFields.IdSort);
            var versions = atomic.GetNumericDocValues(SearchFields.Version);
            var contents = atomic.GetNumericDocValues(SearchFields.ContentKey);
            var availability = atomic.GetBinaryDocValues(SearchFields.Availability);
            if (ids is null || versions is null || contents is null || availability is null) continue;
            var id = new Lucene.Net.Util.BytesRef();
            var shown = new Lucene.Net.Util.BytesRef();
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, id);
                availability.Get(doc, shown);
                var eventId = id.Utf8ToString();
                _contents[eventId] = contents.Get(doc);
                _availability.Set(eventId, versions.Get(doc), shown.Utf8ToString());
            }
        }
        var data = reader.IndexCommit.UserData;
        for (var shard = 0; shard < _checkpoints.Length; shard++)
        {
            if (data.TryGetValue(CheckpointPrefix + shard, out var value)) _checkpoints[shard] = long.Parse(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Whether every segment has the availability column an availability-only change updates in place. An index written
    /// before it had one is started again empty and rebuilt from the catalog shards, as a replica without a data path is.
    /// </summary>
    private static bool HasAvailabilityColumn(Lucene.Net.Store.Directory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.All(l => l.AtomicReader.FieldInfos.FieldInfo(SearchFields.Availability)?.HasDocValues == true);
    }
}
