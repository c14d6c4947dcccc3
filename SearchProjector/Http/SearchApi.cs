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
        var errors = new Dictionary<string, string[]>();
        var query = Parse(parameters, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, detail: string.Join(' ', errors.Values.SelectMany(e => e)));

        return TypedResults.Bytes(await answers.AnswerAsync(query, cancellationToken), "application/json; charset=utf-8");
    }

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

    /// <summary>Every wrong parameter is reported at once, each under its own name.</summary>
    public static SearchQuery Parse(SearchParameters p, Dictionary<string, string[]> errors)
    {
        if (p.Text is { Length: > MaxTextLength }) errors["text"] = [$"text is at most {MaxTextLength} characters."];

        var page = 1;
        if (p.Page is not null && (!int.TryParse(p.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors["page"] = ["page must be a whole number of 1 or more."];
        }

        var pageSize = SearchQuery.DefaultPageSize;
        if (p.PageSize is not null && (!int.TryParse(p.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > SearchQuery.MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {SearchQuery.MaxPageSize}."];
        }

        SearchSort? sort = p.Sort?.ToLowerInvariant() switch
        {
            null or "" => null,
            "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            _ => null,
        };
        if (!string.IsNullOrEmpty(p.Sort) && sort is null) errors["sort"] = ["sort must be 'relevance' or 'date'."];

        var from = ParseDate(p.From, "from", endOfDay: false, errors);
        var to = ParseDate(p.To, "to", endOfDay: true, errors);
        if (from > to) errors["to"] = ["to must not be before from."];

        return new SearchQuery
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
        };
    }

    /// <summary>A bare date means the whole day: <c>to=2027-05-01</c> includes that evening's events.</summary>
    private static DateTimeOffset? ParseDate(string? value, string name, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // The last day there is has no next day to stop before.
            return endOfDay ? new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        errors[name] = [$"{name} must be an ISO-8601 date or time, e.g. 2027-05-01 or 2027-05-01T19:30:00Z."];
        return null;
    }
}
