using System.Text.Json.Serialization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using TicketMaster.Search;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>One catalog shard's checkpoint for one events index, as stored.</summary>
public sealed record CheckpointDocument(
    [property: JsonPropertyName("index")] string Index,
    [property: JsonPropertyName("shard")] int Shard,
    [property: JsonPropertyName("sequence")] long Sequence);

/// <summary>
/// The pull path's per-shard checkpoints, durable in a small Elasticsearch index: one document per
/// events index and catalog shard, written with the sequence as its external version. A frontend
/// that is behind therefore never moves a stored checkpoint back, and a restarted projector resumes
/// from the furthest point that every change before it was written at.
/// </summary>
public sealed class CheckpointStore(ElasticsearchClient client, BulkWriter writer, EventIndexTemplate names)
{
    public static string Id(string index, int shard) => $"{index}-{shard}";

    public async Task<long[]> LoadAsync(CancellationToken cancellationToken)
    {
        var response = await client.SearchAsync<CheckpointDocument>(new SearchRequest(names.CheckpointIndexName)
        {
            Query = new TermQuery { Field = "index", Value = names.IndexName },
            Size = CatalogShards.Count,
        }, cancellationToken);
        if (!response.IsValidResponse) throw new SearchIndexException($"Reading the checkpoints from '{names.CheckpointIndexName}' failed: {response.ApiCallDetails.HttpStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} {response.ElasticsearchServerError?.Error?.Reason}");

        var checkpoints = new long[CatalogShards.Count];
        foreach (var document in response.Documents)
        {
            if (document.Shard >= 0 && document.Shard < checkpoints.Length) checkpoints[document.Shard] = Math.Max(checkpoints[document.Shard], document.Sequence);
        }
        return checkpoints;
    }

    /// <summary>Stores the given shards' checkpoints; a stored one already further is left (a 409, counted).</summary>
    public Task SaveAsync(IReadOnlyList<(int Shard, long Sequence)> checkpoints, CancellationToken cancellationToken) =>
        writer.WriteAsync(names.CheckpointIndexName,
            [.. checkpoints.Select(c => new VersionedWrite<CheckpointDocument>(Id(names.IndexName, c.Shard), c.Sequence, new CheckpointDocument(names.IndexName, c.Shard, c.Sequence)))],
            cancellationToken);
}
