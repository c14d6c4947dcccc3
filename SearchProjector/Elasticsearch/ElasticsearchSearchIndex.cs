using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Cluster;
using Elastic.Transport;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>
/// The search read index in Elasticsearch, shared by every frontend (docs/elasticsearch.md). Opening puts
/// the versioned template, creates the events and checkpoint indices when missing, and loads the
/// checkpoints; writes are external-versioned bulks; checkpoints live in memory and are stored at commit,
/// after the documents they cover were acknowledged.
/// </summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex
{
    private readonly ElasticsearchClient _client;
    private readonly TimeProvider _time;
    private readonly BulkWriter _writer;
    private readonly CheckpointStore _store;
    private readonly Lock _lock = new();
    private readonly long[] _checkpoints = new long[CatalogShards.Count];
    private readonly long[] _stored = new long[CatalogShards.Count];

    public ElasticsearchSearchIndex(ElasticsearchClient client, ElasticsearchIndexOptions options, TimeProvider time)
    {
        _client = client;
        _time = time;
        Names = new EventIndexTemplate(options.IndexPrefix);
        _writer = new BulkWriter(client, options, time);
        _store = new CheckpointStore(client, _writer, Names);
    }

    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    public EventIndexTemplate Names { get; }

    /// <summary>Writes refused as older than what the index holds (replays, or another frontend was first).</summary>
    public long VersionConflicts => _writer.VersionConflicts;

    public async ValueTask OpenAsync(CancellationToken cancellationToken = default)
    {
        await PutTemplate(cancellationToken);
        await CreateIndex(Names.IndexName, new JsonObject(), cancellationToken);
        await CreateIndex(Names.CheckpointIndexName, EventIndexTemplate.CheckpointIndex(), cancellationToken);
        var loaded = await _store.LoadAsync(cancellationToken);
        lock (_lock)
        {
            for (var shard = 0; shard < loaded.Length; shard++)
            {
                _checkpoints[shard] = Math.Max(_checkpoints[shard], loaded[shard]);
                _stored[shard] = Math.Max(_stored[shard], loaded[shard]);
            }
        }
    }

    public async ValueTask<int> ApplyAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) return 0;
        return await _writer.WriteAsync(Names.IndexName,
            [.. documents.Select(d => new VersionedWrite<IndexedEvent>(d.EventId, d.Version, IndexedEvent.From(d)))],
            cancellationToken);
    }

    public async ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var response = await _client.SearchAsync<IndexedEvent>(EventQuery.Build(Names.IndexName, query, _time.GetUtcNow()), cancellationToken);
        if (!response.IsValidResponse) throw Failed("A search", response);
        return EventQuery.Read(response, query);
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var response = await _client.CountAsync(new CountRequest(Names.IndexName), cancellationToken);
        if (!response.IsValidResponse) throw Failed("Counting", response);
        return response.Count;
    }

    public long GetCheckpoint(int shard)
    {
        lock (_lock) return _checkpoints[shard];
    }

    public void AdvanceCheckpoint(int shard, long sequence)
    {
        lock (_lock) _checkpoints[shard] = Math.Max(_checkpoints[shard], sequence);
    }

    /// <summary>Stores the checkpoints that moved: every document they cover was acknowledged by a bulk before they moved.</summary>
    public async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        List<(int Shard, long Sequence)> moved;
        lock (_lock)
        {
            moved = [.. Enumerable.Range(0, _checkpoints.Length).Where(s => _checkpoints[s] > _stored[s]).Select(s => (s, _checkpoints[s]))];
        }
        if (moved.Count == 0) return;
        await _store.SaveAsync(moved, cancellationToken);
        lock (_lock)
        {
            foreach (var (shard, sequence) in moved) _stored[shard] = Math.Max(_stored[shard], sequence);
        }
    }

    /// <summary>Green or yellow (every primary shard assigned) answers searches; red, or no answer, does not.</summary>
    public async ValueTask<SearchIndexHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        // A readiness probe must answer quickly: a cluster that takes longer than this counts as not answering.
        var request = new HealthRequest(Names.IndexName) { RequestConfiguration = new RequestConfiguration { RequestTimeout = HealthTimeout } };
        var response = await _client.Cluster.HealthAsync(request, cancellationToken);
        if (!response.IsValidResponse)
        {
            return new SearchIndexHealth(false, $"Elasticsearch did not answer the health check: {response.ApiCallDetails.HttpStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? response.ApiCallDetails.OriginalException?.Message ?? "no answer"}.");
        }
        return response.Status == HealthStatus.Red
            ? new SearchIndexHealth(false, $"Elasticsearch index '{Names.IndexName}' is red: a primary shard is unassigned.")
            : new SearchIndexHealth(true, $"Elasticsearch index '{Names.IndexName}' is {response.Status.ToString().ToLowerInvariant()}.");
    }

    /// <summary>Puts the template unless the cluster holds this version or a newer one (a frontend not yet upgraded must not downgrade it).</summary>
    private async Task PutTemplate(CancellationToken cancellationToken)
    {
        var path = $"/_index_template/{Names.TemplateName}";
        var current = await _client.Transport.RequestAsync<StringResponse>(new EndpointPath(Elastic.Transport.HttpMethod.GET, path), null, cancellationToken);
        if (current.ApiCallDetails.HttpStatusCode == 200 && StoredVersion(current.Body) >= EventIndexTemplate.Version) return;
        if (current.ApiCallDetails.HttpStatusCode is not (200 or 404)) throw Failed($"Reading template '{Names.TemplateName}'", current);

        var put = await _client.Transport.RequestAsync<StringResponse>(
            new EndpointPath(Elastic.Transport.HttpMethod.PUT, path), PostData.String(Names.Template().ToJsonString()), cancellationToken);
        if (put.ApiCallDetails.HttpStatusCode != 200) throw Failed($"Putting template '{Names.TemplateName}'", put);
    }

    /// <summary>Creates the index; one that exists already (another frontend was first) is fine.</summary>
    private async Task CreateIndex(string index, JsonObject body, CancellationToken cancellationToken)
    {
        var response = await _client.Transport.RequestAsync<StringResponse>(
            new EndpointPath(Elastic.Transport.HttpMethod.PUT, $"/{index}"), PostData.String(body.ToJsonString()), cancellationToken);
        var status = response.ApiCallDetails.HttpStatusCode;
        if (status == 200) return;
        if (status == 400 && response.Body?.Contains("resource_already_exists_exception", StringComparison.Ordinal) == true) return;
        throw Failed($"Creating index '{index}'", response);
    }

    private static long StoredVersion(string? body)
    {
        if (string.IsNullOrEmpty(body)) return -1;
        using var json = JsonDocument.Parse(body);
        foreach (var template in json.RootElement.GetProperty("index_templates").EnumerateArray())
        {
            if (template.GetProperty("index_template").TryGetProperty("version", out var version)) return version.GetInt64();
        }
        return -1;
    }

    private static SearchIndexException Failed(string what, TransportResponse response) =>
        new($"{what} failed: Elasticsearch answered {response.ApiCallDetails.HttpStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.", response.ApiCallDetails.OriginalException);
}
