using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.SearchProjector;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class SearchApiTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private async Task<JsonNode> SearchUntil(string query, Func<JsonNode, bool> done)
    {
        var body = await Eventually.Last(async () =>
        {
            var response = await _api.Anonymous().GetAsync($"/api/v1/search?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await Api.Json(response);
        }, done, TimeSpan.FromSeconds(30));
        Assert.True(done(body), $"Search '{query}' never got there; last answer: {body.ToJsonString()}");
        return body;
    }

    [Fact]
    public async Task The_demo_catalog_is_searchable_with_typos_and_prefixes()
    {
        var found = await SearchUntil("text=tayl%20swft", r => r["total"]!.GetValue<int>() > 0);

        var item = found["items"]![0]!;
        Assert.Contains("Taylor Swift", item["performers"]!.AsArray().Select(p => p!.GetValue<string>()));
        foreach (var field in new[] { "eventId", "name", "venue", "city", "startsAt", "category", "minPrice", "currency", "availability" })
        {
            Assert.NotNull(item[field]);
        }
        Assert.NotNull(found["facets"]!["category"]);
        Assert.NotNull(found["facets"]!["city"]);
    }

    [Fact]
    public async Task An_event_created_over_http_is_found_by_search_within_seconds()
    {
        var eventId = await _api.CreateEvent();

        var found = await SearchUntil("text=metalica&pageSize=100", r => r["items"]!.AsArray().Any(i => i!["eventId"]!.GetValue<string>() == eventId));

        Assert.Equal("available", found["items"]!.AsArray().First(i => i!["eventId"]!.GetValue<string>() == eventId)!["availability"]!.GetValue<string>());
    }

    [Fact]
    public void The_frontend_searches_through_its_request_cache()
    {
        Assert.True(factory.Services.GetRequiredService<SearchRequestCache>().Enabled);
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=9999-12-31")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=9999-12-31T23:59:59Z&sort=date")]
    public async Task Dates_at_the_ends_of_the_calendar_are_answered_not_failed(string query)
    {
        var response = await _api.Anonymous().GetAsync($"/api/v1/search?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("from=not-a-date", "from")]
    [InlineData("to=2027-13-45", "to")]
    [InlineData("sort=cheapest", "sort")]
    public async Task Bad_search_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var problem = await Api.Problem(await _api.Anonymous().GetAsync($"/api/v1/search?{query}"), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
