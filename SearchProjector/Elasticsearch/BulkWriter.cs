using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>One document to write with external versioning: Elasticsearch keeps it only if its version is newer.</summary>
public readonly record struct VersionedWrite<T>(string Id, long Version, T Document);

/// <summary>
/// Bulk index requests with <c>version_type=external</c>, so the newest version of a document wins
/// whatever order writes arrive in and a replay changes nothing. A whole request answered 429 or 5xx
/// (or not answered) is sent again after a doubling wait; so are the items answered 429 or 5xx. An
/// item answered 409 is a version conflict: the index already holds an equal or newer version, which
/// is counted and is no failure. Any other item error fails the write, so the caller's checkpoint stays.
/// </summary>
public sealed class BulkWriter(ElasticsearchClient client, ElasticsearchIndexOptions options, TimeProvider time)
{
    private long _conflicts;
    private long _retries;

    /// <summary>Items refused with 409 so far.</summary>
    public long VersionConflicts => Interlocked.Read(ref _conflicts);

    /// <summary>Requests sent again so far.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <returns>How many documents were stored (created or replaced).</returns>
    public async Task<int> WriteAsync<T>(string index, IReadOnlyList<VersionedWrite<T>> writes, CancellationToken cancellationToken)
    {
        var pending = writes;
        var stored = 0;
        for (var attempt = 1; ; attempt++)
        {
            var request = new BulkRequest(index)
            {
                Refresh = options.Refresh,
                Operations = [.. pending.Select(w => new BulkIndexOperation<T>(w.Document) { Id = w.Id, Version = w.Version, VersionType = VersionType.External })],
            };
            var response = await client.BulkAsync(request, cancellationToken);
            var status = response.ApiCallDetails.HttpStatusCode;

            List<VersionedWrite<T>> again;
            if (status is null or 429 or >= 500)
            {
                again = [.. pending];
            }
            else if (status is not 200)
            {
                throw new SearchIndexException($"Elasticsearch refused a bulk request to '{index}' with {status}: {Describe(response)}");
            }
            else
            {
                again = [];
                string? failure = null;
                var items = response.Items.ToList();
                if (items.Count != pending.Count) throw new SearchIndexException($"Elasticsearch answered {items.Count} items to a bulk of {pending.Count} to '{index}'.");
                for (var i = 0; i < items.Count; i++)
                {
                    switch (items[i].Status)
                    {
                        case 200 or 201:
                            stored++;
                            break;
                        case 409:
                            Interlocked.Increment(ref _conflicts);
                            SearchMetrics.VersionConflicts.Add(1);
                            break;
                        case 429 or >= 500:
                            again.Add(pending[i]);
                            break;
                        default:
                            failure ??= $"'{items[i].Id}': {items[i].Status} {items[i].Error?.Type} {items[i].Error?.Reason}";
                            break;
                    }
                }
                if (failure is not null) throw new SearchIndexException($"Elasticsearch refused a document in '{index}': {failure}");
                if (again.Count == 0) return stored;
            }

            if (attempt >= options.MaxAttempts)
            {
                throw new SearchIndexException($"Elasticsearch still answered {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} after {attempt} tries of a bulk to '{index}'.", response.ApiCallDetails.OriginalException);
            }
            Interlocked.Increment(ref _retries);
            SearchMetrics.Retries.Add(1);
            await Task.Delay(options.DelayAfter(attempt), time, cancellationToken);
            pending = again;
        }
    }

    private static string Describe(BulkResponse response) =>
        response.ElasticsearchServerError?.Error?.Reason ?? response.ApiCallDetails.OriginalException?.Message ?? "no reason given";
}
