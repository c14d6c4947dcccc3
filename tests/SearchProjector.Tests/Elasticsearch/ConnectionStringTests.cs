using TicketMaster.SearchProjector.Elasticsearch;

namespace TicketMaster.SearchProjector.Tests.Elasticsearch;

public sealed class ConnectionStringTests
{
    [Theory]
    [InlineData("http://localhost:9200", "http://localhost:9200/", null, null, null)]
    [InlineData("Url=https://search.example:9243;ApiKey=a2V5", "https://search.example:9243/", "a2V5", null, null)]
    [InlineData("url=https://search.example:9243; username=elastic; password=s3cret", "https://search.example:9243/", null, "elastic", "s3cret")]
    public void A_url_with_an_api_key_or_basic_auth_is_a_connection(string value, string url, string? apiKey, string? username, string? password)
    {
        var connection = ElasticsearchConnection.Parse(value);

        Assert.Equal((url, apiKey, username, password), (connection.Url!.ToString(), connection.ApiKey, connection.Username, connection.Password));
        Assert.NotNull(connection.Settings());
    }

    [Fact]
    public void A_cloud_id_with_an_api_key_is_a_connection()
    {
        var connection = ElasticsearchConnection.Parse("CloudId=tm:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmMkZGVm;ApiKey=a2V5");

        Assert.Equal(("tm:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmMkZGVm", "a2V5"), (connection.CloudId, connection.ApiKey));
        Assert.Null(connection.Url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost:9200")]
    [InlineData("ftp://localhost:9200")]
    [InlineData("Url=localhost")]
    [InlineData("Url=http://a:9200;CloudId=x:eQ==")]
    [InlineData("ApiKey=k")]
    [InlineData("Url=http://a:9200;Username=elastic")]
    [InlineData("Url=http://a:9200;ApiKey=k;Username=u;Password=p")]
    [InlineData("CloudId=tm:eQ==")]
    [InlineData("Url=http://a:9200;Index=events")]
    public void A_wrong_connection_string_is_refused_naming_the_key(string? value)
    {
        Assert.False(ElasticsearchConnection.TryParse(value, out _, out var error));
        Assert.StartsWith("ConnectionStrings:Elasticsearch", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, SearchEngine.Lucene)]
    [InlineData("", SearchEngine.Lucene)]
    [InlineData("lucene", SearchEngine.Lucene)]
    [InlineData("Elasticsearch", SearchEngine.Elasticsearch)]
    public void The_engine_is_Lucene_unless_Elasticsearch_is_named(string? value, SearchEngine expected) =>
        Assert.Equal(expected, SearchServiceCollectionExtensions.Engine(value));

    [Theory]
    [InlineData("Solr")]
    [InlineData("1")]
    public void Another_engine_is_refused_naming_the_key(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SearchServiceCollectionExtensions.Engine(value));
        Assert.Contains("Search:Engine", error.Message, StringComparison.Ordinal);
    }
}
