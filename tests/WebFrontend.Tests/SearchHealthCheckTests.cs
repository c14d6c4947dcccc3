using System.Text;
using Elastic.Clients.Elasticsearch;
using HealthStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;
using Elastic.Transport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.SearchProjector;
using TicketMaster.SearchProjector.Elasticsearch;
using TicketMaster.WebFrontend.Hosting;

namespace TicketMaster.WebFrontend.Tests;

public sealed class SearchHealthCheckTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SearchReadiness _readiness = new();
    private readonly LuceneSearchIndex _lucene;

    public SearchHealthCheckTests() => _lucene = new LuceneSearchIndex(_time);

    public void Dispose() => _lucene.Dispose();

    private async Task<HealthStatus> Check(ISearchIndex index) =>
        (await new SearchHealthCheck(_readiness, index, Options.Create(new SearchOptions { MaxLag = TimeSpan.FromMinutes(1) }), _time)
            .CheckHealthAsync(new HealthCheckContext())).Status;

    /// <summary>An Elasticsearch index whose cluster answers every request with <paramref name="status"/> health.</summary>
    private ElasticsearchSearchIndex Elasticsearch(string status)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"cluster_name":"tm","status":"{{status}}","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,"active_primary_shards":1,"active_shards":1,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":0,"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":100.0}""");
        var product = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["x-elastic-product"] = ["Elasticsearch"] };
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), new InMemoryRequestInvoker(body, 200, null, "application/json", product));
        return new ElasticsearchSearchIndex(new ElasticsearchClient(settings), new ElasticsearchIndexOptions(), _time);
    }

    [Fact]
    public async Task Search_is_not_ready_before_the_index_has_caught_up()
    {
        Assert.Equal(HealthStatus.Unhealthy, await Check(_lucene));

        _readiness.MarkCaughtUp();

        Assert.Equal(HealthStatus.Healthy, await Check(_lucene));
    }

    [Fact]
    public async Task Search_stops_being_ready_when_pulls_have_failed_for_longer_than_the_max_lag()
    {
        _readiness.MarkCaughtUp();
        _readiness.MarkPull(complete: false, _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HealthStatus.Healthy, await Check(_lucene));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HealthStatus.Unhealthy, await Check(_lucene));

        _readiness.MarkPull(complete: true, _time.GetUtcNow());
        Assert.Equal(HealthStatus.Healthy, await Check(_lucene));
    }

    [Theory]
    [InlineData("green", HealthStatus.Healthy)]
    [InlineData("yellow", HealthStatus.Healthy)]
    [InlineData("red", HealthStatus.Unhealthy)]
    public async Task Search_on_Elasticsearch_is_ready_while_the_cluster_holds_the_index_green_or_yellow(string status, HealthStatus expected)
    {
        _readiness.MarkCaughtUp();

        Assert.Equal(expected, await Check(Elasticsearch(status)));
    }
}
