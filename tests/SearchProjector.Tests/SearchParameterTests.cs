using Microsoft.AspNetCore.Http.HttpResults;
using TicketMaster.SearchProjector.Http;

namespace TicketMaster.SearchProjector.Tests;

/// <summary>
/// <c>GET /api/v1/search</c> checks its parameters as the web frontend's endpoints check theirs: the first wrong one is a
/// 400 naming it, in <c>errors</c> under its name and in <c>detail</c> (docs/api.md). The HTTP answer itself, problem+json
/// with type, title, status and detail, is checked through the frontend (WebFrontend.Tests, SearchApiTests).
/// </summary>
public sealed class SearchParameterTests
{
    [Theory]
    [InlineData("page", "0")]
    [InlineData("page", "abc")]
    [InlineData("pageSize", "101")]
    [InlineData("sort", "cheapest")]
    [InlineData("from", "not-a-date")]
    [InlineData("to", "2027-13-45")]
    public void A_wrong_parameter_is_named_alone(string field, string value)
    {
        var (query, named, error) = SearchApi.Parse(With(field, value));

        Assert.Null(query);
        Assert.Equal(field, named);
        Assert.Contains(field, error);
    }

    [Fact]
    public void Of_several_wrong_parameters_the_first_is_answered_as_the_frontend_answers_it()
    {
        var (_, field, error) = SearchApi.Parse(new SearchParameters { Page = "0", PageSize = "0", Sort = "cheapest", From = "soon" });

        var problem = SearchApi.Invalid(field!, error!).ProblemDetails;

        Assert.Equal(400, problem.Status);
        Assert.Equal("The request is not valid.", problem.Title);
        Assert.Equal(["page"], problem.Errors.Keys);
        Assert.Equal($"'page': {error}", problem.Detail);
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_names_to()
    {
        Assert.Equal("to", SearchApi.Parse(new SearchParameters { From = "2027-05-02", To = "2027-05-01" }).Field);
    }

    [Fact]
    public void Good_parameters_make_the_query_and_a_bare_end_date_takes_the_whole_day()
    {
        var (query, field, _) = SearchApi.Parse(new SearchParameters { Text = "gala", Page = "2", PageSize = "5", Sort = "Date", From = "2027-05-01", To = "2027-05-01" });

        Assert.Null(field);
        Assert.Equal(new SearchQuery
        {
            Text = "gala",
            Page = 2,
            PageSize = 5,
            Sort = SearchSort.Date,
            From = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(new DateTime(2027, 5, 1).Add(TimeOnly.MaxValue.ToTimeSpan()), TimeSpan.Zero),
        }, query);
    }

    private static SearchParameters With(string field, string value) => field switch
    {
        "page" => new SearchParameters { Page = value },
        "pageSize" => new SearchParameters { PageSize = value },
        "sort" => new SearchParameters { Sort = value },
        "from" => new SearchParameters { From = value },
        _ => new SearchParameters { To = value },
    };
}
