using System.Text;
using Elastic.Transport;

namespace TicketMaster.SearchProjector.Tests.Elasticsearch;

/// <summary>A request as it went on the wire: method, path with query, body.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body)
{
    /// <summary>The body's lines (a bulk body is one JSON document per line).</summary>
    public IReadOnlyList<string> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A canned answer: status and JSON body, as Elasticsearch documents them.</summary>
public sealed record Canned(int Status, string Body)
{
    public static Canned Ok(string body) => new(200, body);
}

/// <summary>
/// The transport's HTTP layer replaced: every request is recorded as its bytes and answered by
/// <c>respond</c>, the answer built by the transport's own <see cref="InMemoryRequestInvoker"/>, so the
/// client parses it exactly as it would a server's (with the product header the client checks).
/// </summary>
public sealed class RecordingInvoker(Func<RecordedRequest, Canned> respond) : IRequestInvoker
{
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x-elastic-product"] = ["Elasticsearch"],
    };

    private readonly InMemoryRequestInvoker _answers = new(null, 200, null, "application/json", ProductHeader);
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests) return [.. _requests];
        }
    }

    public ResponseFactory ResponseFactory => _answers.ResponseFactory;

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            await postData.WriteAsync(stream, boundConfiguration.ConnectionSettings, true, cancellationToken);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }
        var canned = Record(endpoint, body);
        return await _answers.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken, Encoding.UTF8.GetBytes(canned.Body), canned.Status, "application/json");
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            postData.Write(stream, boundConfiguration.ConnectionSettings, true);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }
        var canned = Record(endpoint, body);
        return _answers.BuildResponse<TResponse>(endpoint, boundConfiguration, postData, Encoding.UTF8.GetBytes(canned.Body), canned.Status, "application/json");
    }

    public void Dispose()
    {
    }

    private Canned Record(Endpoint endpoint, string body)
    {
        var request = new RecordedRequest(endpoint.Method.ToString().ToUpperInvariant(), endpoint.Uri.PathAndQuery, body);
        lock (_requests) _requests.Add(request);
        return respond(request);
    }
}
