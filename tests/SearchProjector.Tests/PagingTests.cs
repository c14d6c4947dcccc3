namespace TicketMaster.SearchProjector.Tests;

public sealed class PagingTests(GeneratedDocuments data) : IClassFixture<GeneratedDocuments>
{
    [Fact]
    public async Task Pages_by_date_concatenate_to_the_full_ordered_list()
    {
        var expected = data.Upcoming
            .Where(d => d.Category == "concert")
            .OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal)
            .Select(d => d.EventId)
            .ToList();

        var paged = (await data.AllPages(new SearchQuery { Category = "concert", PageSize = 37 })).Select(d => d.EventId).ToList();

        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task Pages_by_relevance_never_repeat_or_skip_an_event()
    {
        var query = new SearchQuery { Text = "live music", PageSize = 23 };
        var total = (await data.Index.SearchAsync(query)).Total;

        var paged = (await data.AllPages(query)).Select(d => d.EventId).ToList();

        Assert.True(total > 23 * 3, $"the query should span several pages, it matched {total}");
        Assert.Equal(total, paged.Count);
        Assert.Equal(paged.Count, paged.Distinct().Count());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_keeps_the_total()
    {
        var total = (await data.Index.SearchAsync(new SearchQuery())).Total;

        var results = await data.Index.SearchAsync(new SearchQuery { Page = 1_000_000, PageSize = 100 });

        Assert.Empty(results.Items);
        Assert.Equal(total, results.Total);
    }

    [Fact]
    public async Task Default_page_is_the_first_twenty_by_date()
    {
        var expected = data.Upcoming.OrderBy(d => d.StartsAt).ThenBy(d => d.EventId, StringComparer.Ordinal).Take(20).Select(d => d.EventId);

        var results = await data.Index.SearchAsync(new SearchQuery());

        Assert.Equal(expected, results.Items.Select(d => d.EventId));
        Assert.Equal(1, results.Page);
        Assert.Equal(20, results.PageSize);
    }
}
