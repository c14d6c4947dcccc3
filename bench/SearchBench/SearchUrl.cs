using System.Globalization;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>A query of the mix as the query string of <c>GET /api/v1/search</c> (docs/api.md); times in full, so the window is the same one.</summary>
public static class SearchUrl
{
    public static string For(SearchQuery query)
    {
        var parts = new List<string>();
        Add(parts, "text", query.Text);
        Add(parts, "city", query.City);
        Add(parts, "category", query.Category);
        Add(parts, "performer", query.Performer);
        Add(parts, "venue", query.Venue);
        Add(parts, "from", query.From?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Add(parts, "to", query.To?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Add(parts, "sort", query.Sort?.ToString().ToLowerInvariant());
        if (query.Page != 1) Add(parts, "page", query.Page.ToString(CultureInfo.InvariantCulture));
        if (query.PageSize != SearchQuery.DefaultPageSize) Add(parts, "pageSize", query.PageSize.ToString(CultureInfo.InvariantCulture));
        return "/api/v1/search?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
    }
}
