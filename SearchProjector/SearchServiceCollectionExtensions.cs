using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketMaster.SearchProjector.Elasticsearch;

namespace TicketMaster.SearchProjector;

public static partial class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The search index of this process and the projector that feeds it: Lucene.Net embedded (the default)
    /// or Elasticsearch (<c>Search:Engine</c>). The host provides <see cref="IClusterClient"/> (a co-hosted
    /// silo or an Orleans client; a client needs the catalog stream provider too, or it runs on the pull alone).
    /// A wrong setting stops the start here, with a message naming its key.
    /// </summary>
    public static IServiceCollection AddSearchProjector(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SearchOptions.Section);
        var engine = Engine(section["Engine"]);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SearchOptions>()
            .Bind(section)
            .Validate(o => o.MaxLag > TimeSpan.Zero, "Search:MaxLag must be a positive time span.")
            .Validate(o => o.RefreshInterval >= TimeSpan.Zero && o.RefreshInterval <= TimeSpan.FromMinutes(10), "Search:RefreshInterval must be between 00:00:00 (refresh at the first search after a write) and 00:10:00.")
            .Validate(o => o.MatchCacheBytes >= 0, "Search:MatchCacheBytes must be 0 (nothing kept) or more.")
            .Validate(o => o.DocumentCacheBytes >= 0, "Search:DocumentCacheBytes must be 0 (nothing kept) or more.")
            .Validate(o => IndexPrefix().IsMatch(o.ElasticsearchIndexPrefix ?? ""), "Search:ElasticsearchIndexPrefix must be lower-case letters, digits, '-' or '_', starting with a letter or digit.")
            .ValidateOnStart();
        services.AddOptions<RequestCacheOptions>().Bind(configuration.GetSection(RequestCacheOptions.Section))
            .Validate(o => o.MaxBytes >= 0, $"Configuration '{RequestCacheOptions.Section}:{nameof(RequestCacheOptions.MaxBytes)}' must be 0 (off) or more.")
            .Validate(o => o.UpcomingMaxAge >= TimeSpan.Zero, $"Configuration '{RequestCacheOptions.Section}:{nameof(RequestCacheOptions.UpcomingMaxAge)}' must not be negative.")
            .ValidateOnStart();
        services.AddMetrics();

        if (engine == SearchEngine.Elasticsearch)
        {
            var connection = ElasticsearchConnection.Parse(configuration.GetConnectionString(ElasticsearchConnection.Name));
            services.TryAddSingleton(_ => new ElasticsearchClient(connection.Settings()));
            services.TryAddSingleton(sp => new ElasticsearchSearchIndex(
                sp.GetRequiredService<ElasticsearchClient>(),
                new ElasticsearchIndexOptions { IndexPrefix = sp.GetRequiredService<IOptions<SearchOptions>>().Value.ElasticsearchIndexPrefix },
                sp.GetRequiredService<TimeProvider>()));
            // No reader generation is visible from here, so Elasticsearch is searched every time (its own request cache applies).
            services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<ElasticsearchSearchIndex>());
        }
        else
        {
            services.TryAddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
                return new LuceneSearchIndex(sp.GetRequiredService<TimeProvider>(), options.DataPath, options.RefreshInterval, options.MatchCacheBytes, options.DocumentCacheBytes);
            });
            services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        }
        // The search endpoint's answers as JSON, in the host's JSON options; kept while the engine's generation stands.
        services.TryAddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<ISearchIndex>();
            var json = sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            return new SearchRequestCache(
                engine,
                engine as ISearchGeneration,
                sp.GetRequiredService<IOptions<RequestCacheOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IMeterFactory>().Create(SearchMetrics.MeterName),
                results => Http.SearchApi.Answer(results, json));
        });
        services.TryAddSingleton(sp =>
        {
            var readiness = new SearchReadiness();
            var time = sp.GetRequiredService<TimeProvider>();
            // How long pulls of the catalog shards have been failing to reach their end (0 while caught up).
            sp.GetRequiredService<IMeterFactory>().Create(SearchMetrics.MeterName).CreateObservableGauge(
                SearchMetrics.Lag, () => readiness.BehindSince is { } since ? Math.Max(0, (time.GetUtcNow() - since).TotalSeconds) : 0,
                "s", "How long the search index has been behind the catalog change log.");
            return readiness;
        });
        services.TryAddSingleton<ISearchReadiness>(sp => sp.GetRequiredService<SearchReadiness>());
        services.AddHostedService<CatalogProjector>();
        return services;
    }

    /// <summary><c>Search:Engine</c>, read now: it decides which services exist.</summary>
    public static SearchEngine Engine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return SearchEngine.Lucene;
        return Enum.TryParse<SearchEngine>(value.Trim(), ignoreCase: true, out var engine) && Enum.IsDefined(engine) && !char.IsDigit(value.Trim()[0])
            ? engine
            : throw new InvalidOperationException($"Search:Engine must be Lucene or Elasticsearch, not '{value}'.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IndexPrefix();
}
