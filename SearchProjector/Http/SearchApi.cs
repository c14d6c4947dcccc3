using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;

namespace TicketMaster.SearchProjector.Http;

/// <summary><c>GET /api/v1/search</c>: public and answered from this process's own replica of the index.</summary>
public static class SearchApi
{
    public const int MaxTextLength = 200;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Search");
        api.MapGet("/search", Search)
            .WithName("SearchEvents")
            .WithSummary("Finds upcoming events by text (typos and prefixes allowed), filters and dates, with facets.")
            .Produces<SearchResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .AllowAnonymous();
        return app;
    }

    public static async Task<IResult> Search([AsParameters] SearchParameters parameters, [FromServices] SearchRequestCache answers, CancellationToken cancellationToken)
    {
        var (query, field, error) = Parse(parameters);
        if (query is null) return Invalid(field!, error!);

        return TypedResults.Bytes(await answers.AnswerAsync(query, cancellationToken), "application/json; charset=utf-8");
    }

    /// <summary>A 400 naming the parameter, in the body the web frontend's endpoints answer with (<c>errors</c> under its name, <c>detail</c> naming it).</summary>
    public static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, detail: $"'{field}': {error}", title: "The request is not valid.");

    /// <summary>An answer as the endpoint sends it, in the host's JSON options.</summary>
    public static byte[] Json(SearchResults results, JsonSerializerOptions options) => JsonSerializer.SerializeToUtf8Bytes(Response(results), options);

    /// <summary>The same bytes, located so the request cache can show availability as it is when it sends them.</summary>
    public static SearchAnswer Answer(SearchResults results, JsonSerializerOptions options) =>
        SearchAnswer.Of(Json(results, options), [.. results.Items.Select(d => d.EventId)], options);

    public static SearchResponse Response(SearchResults results)
    {
        var items = results.Items
            .Select(d => new SearchResponseItem(d.EventId, d.Name, d.Performers, d.Venue, d.City, d.StartsAt.UtcDateTime,
                d.Category, d.MinPrice, d.Currency, d.Availability))
            .ToList();
        return new SearchResponse(results.Total, results.Page, results.PageSize, items, results.Facets);
    }

    /// <summary>The query, or the first wrong parameter and what is wrong with it, as the web frontend's endpoints check their input.</summary>
    public static (SearchQuery? Query, string? Field, string? Error) Parse(SearchParameters p)
    {
        if (p.Text is { Length: > MaxTextLength }) return Fail("text", $"text is at most {MaxTextLength} characters.");

        var page = 1;
        if (p.Page is not null && (!int.TryParse(p.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return Fail("page", "page must be a whole number of 1 or more.");
        }

        var pageSize = SearchQuery.DefaultPageSize;
        if (p.PageSize is not null && (!int.TryParse(p.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > SearchQuery.MaxPageSize))
        {
            return Fail("pageSize", $"pageSize must be a whole number from 1 to {SearchQuery.MaxPageSize}.");
        }

        SearchSort? sort = p.Sort?.ToLowerInvariant() switch
        {
            null or "" => null,
            "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            _ => null,
        };
        if (!string.IsNullOrEmpty(p.Sort) && sort is null) return Fail("sort", "sort must be 'relevance' or 'date'.");

        if (!TryParseDate(p.From, endOfDay: false, out var from)) return Fail("from", DateError("from"));
        if (!TryParseDate(p.To, endOfDay: true, out var to)) return Fail("to", DateError("to"));
        if (from > to) return Fail("to", "to must not be before from.");

        return (new SearchQuery
        {
            Text = p.Text,
            City = p.City,
            Category = p.Category,
            Performer = p.Performer,
            Venue = p.Venue,
            From = from,
            To = to,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        }, null, null);
    }

    private static (SearchQuery?, string?, string?) Fail(string field, string error) => (null, field, error);

    private static string DateError(string name) => $"{name} must be an ISO-8601 date or time, e.g. 2027-05-01 or 2027-05-01T19:30:00Z.";

    /// <summary>A bare date means the whole day: <c>to=2027-05-01</c> includes that evening's events. Absent is valid (null).</summary>
    private static bool TryParseDate(string? value, bool endOfDay, out DateTimeOffset? date)
    {
        date = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // The last day there is has no next day to stop before.
            date = endOfDay ? new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            date = time;
            return true;
        }
        return false;
    }
}
