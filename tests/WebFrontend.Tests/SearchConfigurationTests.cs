using Microsoft.AspNetCore.Hosting;

namespace TicketMaster.WebFrontend.Tests;

public sealed class SearchConfigurationTests
{
    private sealed class WithSettings(params (string Key, string Value)[] settings) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("Search:Engine", "Solr", "Search:Engine")]
    [InlineData("Search:Engine", "Elasticsearch", "ConnectionStrings:Elasticsearch")]
    public void A_frontend_refuses_to_start_with_a_wrong_search_setting_and_names_it(string key, string value, string named)
    {
        using var factory = new WithSettings((key, value));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_refuses_an_Elasticsearch_connection_string_that_is_not_a_url_and_names_it()
    {
        using var factory = new WithSettings(("Search:Engine", "Elasticsearch"), ("ConnectionStrings:Elasticsearch", "Url=search:9200;ApiKey=k"));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("ConnectionStrings:Elasticsearch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_refuses_to_start_with_a_wrong_search_lag_and_names_it()
    {
        using var factory = new WithSettings(("Search:MaxLag", "-00:00:01"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Search:MaxLag", error.Message, StringComparison.Ordinal);
    }
}
