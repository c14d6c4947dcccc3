using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using TicketMaster.SearchProjector.Elasticsearch;

namespace TicketMaster.SearchProjector.Tests.Contract;

/// <summary>
/// The contract on a real Elasticsearch cluster, when <c>ELASTICSEARCH_URL</c> names one (a URL, or a
/// connection string as <c>ConnectionStrings:Elasticsearch</c> takes it); skipped otherwise. Each test
/// gets indices of its own under a fresh prefix, removed afterwards.
/// </summary>
public sealed class ElasticsearchContractTests : SearchIndexContract
{
    public const string Variable = "ELASTICSEARCH_URL";

    private static readonly string? Url = Environment.GetEnvironmentVariable(Variable);

    private readonly string _run = "tm-contract-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<EventIndexTemplate> _created = [];
    private ElasticsearchClient? _client;

    protected override async Task<ISearchIndex> Open(string name)
    {
        Skip.If(string.IsNullOrWhiteSpace(Url), $"{Variable} is not set: no Elasticsearch cluster to run the contract against.");
        _client ??= new ElasticsearchClient(ElasticsearchConnection.Parse(Url).Settings());
        // Each write waits for the refresh that makes it searchable, so a test may search right after writing.
        var index = new ElasticsearchSearchIndex(_client, new ElasticsearchIndexOptions { IndexPrefix = $"{_run}-{name}", Refresh = Refresh.WaitFor }, Time);
        _created.Add(index.Names);
        await index.OpenAsync();
        return index;
    }

    protected override Task<ISearchIndex> Reopen(ISearchIndex index, string name) => Open(name);

    public override async Task DisposeAsync()
    {
        if (_client is null) return;
        foreach (var names in _created.DistinctBy(n => n.IndexName))
        {
            foreach (var path in new[] { $"/{names.IndexName}", $"/{names.CheckpointIndexName}", $"/_index_template/{names.TemplateName}" })
            {
                await _client.Transport.RequestAsync<StringResponse>(new EndpointPath(Elastic.Transport.HttpMethod.DELETE, path), null, CancellationToken.None);
            }
        }
    }
}
