namespace TicketMaster.SearchProjector.Tests;

/// <summary>Facets are equal when their counts are, key by key.</summary>
public sealed class FacetsComparer : IEqualityComparer<SearchFacets>
{
    public static readonly FacetsComparer Instance = new();

    public bool Equals(SearchFacets? x, SearchFacets? y) =>
        x is not null && y is not null && Same(x.Category, y.Category) && Same(x.City, y.City);

    public int GetHashCode(SearchFacets obj) => obj.Category.Count ^ obj.City.Count;

    private static bool Same(IReadOnlyDictionary<string, int> x, IReadOnlyDictionary<string, int> y) =>
        x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var count) && count == kv.Value);
}
